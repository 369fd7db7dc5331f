using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Time;

namespace Onboarding.Core.Governance;

/// <summary>One engagement as the portfolio and the overview show its health, as of <paramref name="Revision"/> of it.</summary>
public sealed record EngagementStanding(
    int Id,
    Guid Revision,
    string Name,
    string ClientName,
    EngagementStatus Status,
    DateOnly Kickoff,
    DateOnly GoLive,
    DateOnly Today,
    HealthVerdict Computed,
    HealthColour? Override,
    string? OverrideReason,
    string? OverrideBy,
    DateTimeOffset? OverrideAt,
    string? NextMilestone,
    DateOnly? NextMilestoneDate,
    int SlipWorkingDays,
    int ClientOverdue,
    int ProviderOverdue,
    int OpenEscalations)
{
    public int Day => Engagement.DayNumber(Kickoff, Today);

    public HealthColour Shown => EngagementHealth.Shown(Computed.Colour, Override);
}

/// <summary>
/// Loads the health inputs of any set of engagements in a fixed number of queries (five), aggregated in the
/// database with GROUP BY, so the portfolio costs the same round trips at 3 engagements as at 1,000.
/// </summary>
public static class HealthQuery
{
    public static async Task<IReadOnlyList<EngagementStanding>> LoadAsync(
        OnboardingDbContext db, IQueryable<Engagement> engagements, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var heads = await engagements.AsNoTracking()
            .Select(e => new
            {
                e.Id,
                e.Revision,
                e.Name,
                Client = e.Client!.Name,
                e.Status,
                e.Kickoff,
                e.GoLive,
                e.TimeZone,
                e.WorkingDays,
                e.Holidays,
                e.HealthOverride,
                e.HealthOverrideReason,
                e.HealthOverrideBy,
                e.HealthOverrideAt,
            })
            .ToListAsync(cancellationToken);
        var ids = heads.Select(h => h.Id).ToList();
        var todayOf = heads.ToDictionary(h => h.Id, h => Zones.DateIn(now, h.TimeZone));
        if (heads.Count == 0)
        {
            return [];
        }
        // Zones span about a day either side of UTC: tasks due before the earliest "today" are overdue everywhere,
        // and the few due dates between the earliest and the latest are kept apart to be judged per engagement; blocked
        // tasks due later count as one date, as they are not overdue anywhere.
        var earliest = todayOf.Values.Min();
        var latest = todayOf.Values.Max();

        var open = db.PlanTasks.AsNoTracking()
            .Where(t => ids.Contains(t.EngagementId) && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped)
            .Where(t => t.Status == PlanTaskStatus.Blocked || t.Due < latest);
        var taskGroups = await open
            .Select(t => new { t.EngagementId, t.OwnerRole, Blocked = t.Status == PlanTaskStatus.Blocked, Due = t.Due < earliest ? (DateOnly?)null : t.Due < latest ? t.Due : latest })
            .GroupBy(t => new { t.EngagementId, t.OwnerRole, t.Blocked, t.Due })
            .Select(g => new { g.Key.EngagementId, g.Key.OwnerRole, g.Key.Blocked, g.Key.Due, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var issueGroups = await db.LogEntries.AsNoTracking()
            .Where(e => ids.Contains(e.EngagementId) && e.Kind == LogEntryKind.Issue && e.Status == LogEntryStatus.Open
                && (e.Severity == LogSeverity.High || e.Severity == LogSeverity.Critical || e.EscalationLevel > 0))
            .GroupBy(e => new { e.EngagementId, e.Severity, Escalated = e.EscalationLevel > 0 })
            .Select(g => new { g.Key.EngagementId, g.Key.Severity, g.Key.Escalated, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => ids.Contains(m.EngagementId) && m.ReachedAt == null)
            .Select(m => new { m.EngagementId, m.Title, m.Date, TaskDue = m.Task != null ? (DateOnly?)m.Task.Due : null })
            .ToListAsync(cancellationToken);

        var metrics = await db.Metrics.AsNoTracking()
            .Where(m => ids.Contains(m.EngagementId) && m.Target != null)
            .Select(m => new
            {
                m.EngagementId,
                m.Target,
                m.Direction,
                m.Stage,
                m.MeaningfulFromDay,
                Latest = m.Measurements.OrderByDescending(v => v.MeasuredOn).ThenByDescending(v => v.RecordedAt).ThenByDescending(v => v.Id).Select(v => (decimal?)v.Value).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var tasksOf = taskGroups.ToLookup(g => g.EngagementId);
        var issuesOf = issueGroups.ToLookup(g => g.EngagementId);
        var milestonesOf = milestones.ToLookup(m => m.EngagementId);
        var metricsOf = metrics.ToLookup(m => m.EngagementId);
        return heads.Select(h =>
        {
            var today = todayOf[h.Id];
            var calendar = new BusinessCalendar(h.WorkingDays.ToSet(), h.Holidays);
            // Grouped by owner role in the database, so which side a role is on stays EngagementRoles.IsClientRole's call.
            var tasks = tasksOf[h.Id].Select(g => (Client: g.OwnerRole.IsClientRole(), g.Blocked, g.Due, g.Count)).ToList();
            int Overdue(bool client) => tasks.Where(g => g.Client == client && (g.Due is null || g.Due < today)).Sum(g => g.Count);
            int Blocked(bool client) => tasks.Where(g => g.Client == client && g.Blocked).Sum(g => g.Count);
            var issues = issuesOf[h.Id].ToList();
            var slip = milestonesOf[h.Id].Select(m => EngagementHealth.Slip(m.Date, m.TaskDue, reached: false, today, calendar)).DefaultIfEmpty(0).Max();
            var day = Engagement.DayNumber(h.Kickoff, today);
            var behind = metricsOf[h.Id].Count(m => EngagementHealth.IsBehind(m.Target, m.Direction, m.Stage, m.MeaningfulFromDay, m.Latest, day));
            var inputs = new HealthInputs(
                Overdue(client: true), Overdue(client: false), Blocked(client: true), Blocked(client: false),
                issues.Where(i => i.Severity == LogSeverity.High).Sum(i => i.Count),
                issues.Where(i => i.Severity == LogSeverity.Critical).Sum(i => i.Count),
                behind, slip);
            var next = milestonesOf[h.Id].Where(m => m.Date >= today).MinBy(m => m.Date);
            return new EngagementStanding(
                h.Id, h.Revision, h.Name, h.Client, h.Status, h.Kickoff, h.GoLive, today, EngagementHealth.Compute(inputs),
                h.HealthOverride, h.HealthOverrideReason, h.HealthOverrideBy, h.HealthOverrideAt,
                next?.Title, next?.Date, slip, inputs.ClientOverdue, inputs.ProviderOverdue,
                issues.Where(i => i.Escalated).Sum(i => i.Count));
        }).ToList();
    }
}
