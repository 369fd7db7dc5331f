using Onboarding.Core.Templates;

namespace Onboarding.Core.Digests;

public enum CadenceFrequency
{
    EveryWorkingDay,
    TwiceAWeek,
    Weekly,
    Fortnightly,
}

/// <summary>
/// One stage of a digest cadence: the engagement's working days <see cref="FromDay"/> to <see cref="ToDay"/>
/// (inclusive; open-ended when null), counted as the plan counts them (<see cref="DigestDepth.WorkingDay"/>).
/// </summary>
public sealed record CadenceStage(int FromDay, int? ToDay, CadenceFrequency Frequency)
{
    public bool Contains(int workingDay) => workingDay >= FromDay && (ToDay is null || workingDay <= ToDay);
}

/// <summary>
/// How often digests go out as an engagement matures. Early frequency is the point:
/// over-communicate while the change is new, taper as it settles.
/// </summary>
public sealed record DigestCadence(IReadOnlyList<CadenceStage> Stages)
{
    public static DigestCadence Default { get; } = new([
        new CadenceStage(1, 14, CadenceFrequency.EveryWorkingDay),
        new CadenceStage(15, 45, CadenceFrequency.TwiceAWeek),
        new CadenceStage(46, 90, CadenceFrequency.Weekly),
        new CadenceStage(91, null, CadenceFrequency.Fortnightly),
    ]);

    /// <summary>
    /// An engagement's cadence: that of the first account-leader template it was launched from (its
    /// snapshot, so later template edits change nothing), else the default. Digests and the plan pack's
    /// communication plan both read it from here so they always agree.
    /// </summary>
    public static DigestCadence ForEngagement(IEnumerable<PlanTemplate?> launchTemplatesInOrder) =>
        launchTemplatesInOrder.FirstOrDefault(t => t?.Audience == TemplateAudience.AccountLeader)?.Cadence ?? Default;

    /// <summary>The frequency on the engagement's working day <paramref name="workingDay"/> (kickoff is 1), or null before it or outside every stage.</summary>
    public CadenceFrequency? FrequencyOn(int workingDay) =>
        Stages.FirstOrDefault(s => s.Contains(workingDay))?.Frequency;
}
