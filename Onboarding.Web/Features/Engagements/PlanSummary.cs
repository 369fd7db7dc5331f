using Onboarding.Core.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Engagements;

/// <summary>The overview's view of a plan: progress by phase, this week's work and what needs attention.</summary>
public sealed record PlanSummary(IReadOnlyList<PhaseProgress> Phases, IReadOnlyList<TaskLine> ThisWeek, IReadOnlyList<TaskLine> NeedsAttention)
{
    private const int ListLength = 10;

    /// <summary>
    /// Skipped tasks count nowhere. The week is the seven days from today, or before kickoff the first seven days from
    /// kickoff, which the page then names as such rather than "this week".
    /// </summary>
    public static PlanSummary Of(IEnumerable<PlanRow> plan, DateOnly today, DateOnly kickoff)
    {
        var weekFrom = today < kickoff ? kickoff : today;
        var tasks = plan.Where(t => t.Status != PlanTaskStatus.Skipped).ToList();
        var phases = tasks
            .GroupBy(t => (t.PhaseKey, t.PhaseTitle))
            .Select(g => new PhaseProgress(g.Key.PhaseTitle, g.Min(t => t.Start), g.Count(), g.Count(t => t.Status == PlanTaskStatus.Done)))
            .OrderBy(p => p.Start)
            .ToList();
        var open = tasks.Where(t => t.Status != PlanTaskStatus.Done).OrderBy(t => t.Due).ThenBy(t => t.Id).ToList();
        return new PlanSummary(
            phases,
            Lines(open.Where(t => t.Start <= weekFrom.AddDays(6) && t.Due >= weekFrom)),
            Lines(open.Where(t => t.Due < today || t.Status == PlanTaskStatus.Blocked)));
    }

    /// <summary>
    /// Every open task that is late or blocked and owned on the client's side, as the TA lead watches them
    /// (<see cref="Oversight.Watches"/>); not cut to a list length, as the TA lead answers for all of them.
    /// </summary>
    public static IReadOnlyList<TaskLine> ClientSideAttention(IEnumerable<PlanRow> plan, DateOnly today) => plan
        .Where(t => t.Status is not (PlanTaskStatus.Done or PlanTaskStatus.Skipped)
            && (t.Due < today || t.Status == PlanTaskStatus.Blocked)
            && EngagementRole.TaLead.Watches(t.OwnerRole))
        .OrderBy(t => t.Due).ThenBy(t => t.Id)
        .Select(t => new TaskLine(t.Id, t.Title, t.Due, t.Status, t.OwnerName ?? t.OwnerRole.DisplayName(), t.BlockedReason))
        .ToList();

    private static List<TaskLine> Lines(IEnumerable<PlanRow> chosen) => chosen
        .Take(ListLength)
        .Select(t => new TaskLine(t.Id, t.Title, t.Due, t.Status, t.OwnerName ?? "", t.BlockedReason))
        .ToList();
}

public sealed record PhaseProgress(string Title, DateOnly Start, int Total, int Done)
{
    public int Percent => Total == 0 ? 0 : Done * 100 / Total;
}

public sealed record TaskLine(int Id, string Title, DateOnly Due, PlanTaskStatus Status, string Owner, string? BlockedReason);
