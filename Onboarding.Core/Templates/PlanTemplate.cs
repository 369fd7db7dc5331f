using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Templates;

/// <summary>Who a template is written for: it decides where the plan shows up and in whose words the tasks read.</summary>
public enum TemplateAudience
{
    AccountLeader,
    Client,
    Recruiter,
}

public static class TemplateAudiences
{
    /// <summary>Who a template is written for, as a phrase after "for": "for the account leader".</summary>
    public static string ForWhom(this TemplateAudience audience) => audience switch
    {
        TemplateAudience.AccountLeader => "the account leader",
        TemplateAudience.Client => "the client",
        TemplateAudience.Recruiter => "a recruiter",
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
    };

    public static string DisplayName(this TemplateAudience audience) => audience switch
    {
        TemplateAudience.AccountLeader => "Account leader",
        TemplateAudience.Client => "Client",
        TemplateAudience.Recruiter => "Recruiter",
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
    };
}

/// <summary>The engagement date a template's day numbers count from.</summary>
public enum DayAnchor
{
    Kickoff,
    GoLive,
}

/// <summary>Working days <see cref="FromDay"/> to <see cref="ToDay"/> (inclusive) counted from the template's anchor.</summary>
public sealed record TemplatePhase(string Key, string Title, int FromDay, int ToDay)
{
    public bool Contains(int day) => day >= FromDay && day <= ToDay;
}

/// <summary>
/// One task as the template describes it. <see cref="StartDay"/> is the working day it starts on
/// (day 1 is the anchor); <see cref="DurationDays"/> counts working days including the start day.
/// <see cref="Line"/> is the line of the task's heading in <see cref="PlanTemplate.SourceFile"/>.
/// <see cref="Participants"/> are the roles whose members attend the task besides its owner (the kickoff, a review):
/// one task, several people, unlike a per-person role, which gives each member a copy.
/// </summary>
public sealed record TemplateTask(
    string Key,
    string Title,
    string PhaseKey,
    int StartDay,
    int DurationDays,
    EngagementRole Owner,
    IReadOnlyList<string> DependsOn,
    bool IsMilestone,
    IReadOnlyList<string> Checklist,
    string What,
    string Why,
    int Line)
{
    public IReadOnlyList<EngagementRole> Participants { get; init; } = [];

    /// <summary>
    /// The key (<c>- shared: ...</c>) that merges this task with the tasks of the same key in the other templates of a launch
    /// into one task; null for a task of its own. See <see cref="Plans.PlanGenerator"/> for who owns the merged task.
    /// </summary>
    public string? SharedKey { get; init; }

    /// <summary>What this task's days count from when it differs from the template's (<c>- days count from: go-live</c>); null for the template's.</summary>
    public DayAnchor? Anchor { get; init; }

    /// <summary>The lines of the <c>depends on</c> and <c>shared</c> fields (0 when absent), for errors the catalog finds across templates.</summary>
    public int DependsOnLine { get; init; }

    public int SharedLine { get; init; }

    /// <summary>
    /// A dependency written <c>template-key/task-key</c> names a task of another template; the parts, or null for a key of this template.
    /// </summary>
    public static (string Template, string Task)? CrossTemplate(string dependency)
    {
        var slash = dependency.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? null : (dependency[..slash], dependency[(slash + 1)..]);
    }
}

/// <summary>One entry of the "one dictionary": the client's word, ours, and what both mean.</summary>
public sealed record StarterTerm(string ClientTerm, string ProviderTerm, string Definition);

/// <param name="Side">Set for a service level: who commits to it (front matter <c>side</c>).</param>
/// <param name="MeaningfulFromDay">For a lagging metric (front matter <c>meaningful-from-day</c>), the day from which it means something.</param>
public sealed record SuggestedMetric(
    string Name, string Unit, MetricDirection Direction, string SuggestedTarget, string HowMeasured,
    MetricSide? Side = null, MetricStage Stage = MetricStage.Early, int? MeaningfulFromDay = null);

/// <summary>
/// A validated template. <see cref="SourceText"/> and <see cref="Version"/> are the snapshot a plan keeps,
/// so editing the file later never changes a running plan.
/// </summary>
public sealed record PlanTemplate(
    string Key,
    string Title,
    int Version,
    TemplateAudience Audience,
    DayAnchor Anchor,
    IReadOnlyList<TemplatePhase> Phases,
    IReadOnlyList<TemplateTask> Tasks,
    IReadOnlyList<StarterTerm> Glossary,
    IReadOnlyList<SuggestedMetric> Metrics,
    DigestCadence Cadence,
    string SourceFile,
    string SourceText,
    int KeyLine)
{
    /// <summary>
    /// Roles held per person (front matter <c>per-person</c>): every member with such a role gets their own copy of each
    /// task that role owns, keyed and titled for them (see <see cref="PersonalCopies"/>). Other roles are one seat: the first member.
    /// </summary>
    public IReadOnlySet<EngagementRole> PerPerson { get; init; } = new HashSet<EngagementRole>();

    /// <summary>Front matter <c>escalation</c>: the roles an overdue or high-severity issue climbs through; null when not set.</summary>
    public IReadOnlyList<EngagementRole>? Escalation { get; init; }

    /// <summary>Front matter <c>escalate-after-working-days</c>; null when not set.</summary>
    public int? EscalateAfterWorkingDays { get; init; }

    public bool IsPerPerson(TemplateTask task) => PerPerson.Contains(task.Owner);

    /// <summary>What <paramref name="task"/>'s day numbers count from: its own anchor, else the template's.</summary>
    public DayAnchor AnchorOf(TemplateTask task) => task.Anchor ?? Anchor;

    public static IReadOnlyList<TemplatePhase> DefaultPhases { get; } =
    [
        new("days-1-30", "Days 1–30", 1, 30),
        new("days-31-60", "Days 31–60", 31, 60),
        new("days-61-90", "Days 61–90", 61, 90),
    ];

    public TemplatePhase Phase(string key) => Phases.First(p => p.Key == key);
}
