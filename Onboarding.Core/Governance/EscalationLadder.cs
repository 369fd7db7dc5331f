using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Governance;

/// <summary>
/// One rung of an engagement's escalation ladder: the role an issue reaches at that level. Set at launch from
/// the templates (or <see cref="EscalationLadder.Default"/>) and kept by the account leader.
/// </summary>
public sealed class EscalationRung
{
    public int Id { get; set; }
    public int EngagementId { get; set; }

    /// <summary>1 for the first step above the owner, 2 for the next, ...</summary>
    public int Level { get; set; }
    public EngagementRole Role { get; set; }
}

public static class EscalationLadder
{
    /// <summary>
    /// Recruiter, then account leader, then the client's TA lead, then the executive sponsor: each step widens who
    /// can unblock it, and the provider tries to solve its own problems before it asks the client's senior people.
    /// </summary>
    public static IReadOnlyList<EngagementRole> Default { get; } =
    [
        EngagementRole.Recruiter,
        EngagementRole.AccountLeader,
        EngagementRole.TaLead,
        EngagementRole.ExecutiveSponsor,
    ];

    /// <summary>Working days an issue may stay overdue, or open at high severity, before it climbs one rung.</summary>
    public const int DefaultWorkingDays = 3;

    /// <summary>Past six working weeks an escalation would arrive after the 90 days it is meant to protect.</summary>
    public const int MaxWorkingDays = 30;

    /// <summary>The ladder of the first template that sets one (a launch applies several; the client launch template leads), else the default.</summary>
    public static IReadOnlyList<EngagementRole> FromTemplates(IEnumerable<PlanTemplate> templates) =>
        templates.Select(t => t.Escalation).FirstOrDefault(l => l is { Count: > 0 }) ?? Default;

    /// <summary>The ladder in use: the engagement's rungs, or the default for an engagement launched before ladders existed.</summary>
    public static IReadOnlyList<EngagementRole> Of(IEnumerable<EscalationRung> rungs)
    {
        var ladder = rungs.OrderBy(r => r.Level).Select(r => r.Role).ToList();
        return ladder.Count == 0 ? Default : ladder;
    }

    public static List<EscalationRung> Rungs(int engagementId, IEnumerable<EngagementRole> roles) =>
        roles.Select((role, i) => new EscalationRung { EngagementId = engagementId, Level = i + 1, Role = role }).ToList();
}
