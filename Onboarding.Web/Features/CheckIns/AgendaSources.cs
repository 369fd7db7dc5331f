using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Core.Time;

namespace Onboarding.Web.Features.CheckIns;

/// <summary>Loads what <see cref="CheckInAgendas.Draft"/> reads: the plan, the metrics' values and the log, for one meeting.</summary>
public static class AgendaSources
{
    public static async Task<CheckInAgenda> DraftAsync(OnboardingDbContext db, Engagement engagement, CheckInSeries series, DateOnly date, DateOnly today)
    {
        var tasks = (await db.PlanTasks.AsNoTracking()
            .Where(t => t.EngagementId == engagement.Id)
            .Select(t => new { t.Id, t.Title, t.OwnerId, OwnerName = t.Owner!.Name, t.OwnerRole, t.Status, t.Start, t.Due, t.CompletedAt, t.BlockedReason })
            .ToListAsync())
            .Select(t => new AgendaTask(t.Id, t.Title, t.OwnerId, t.OwnerName, t.OwnerRole, t.Status, t.Start, t.Due,
                t.CompletedAt is { } at ? Zones.DateIn(at, engagement.TimeZone) : null, t.BlockedReason));

        var metrics = await db.Metrics.AsNoTracking().Include(m => m.Measurements).Where(m => m.EngagementId == engagement.Id).ToListAsync();
        var measurements = metrics.SelectMany(m =>
        {
            var ordered = m.Measurements.OrderBy(v => v.MeasuredOn).ThenBy(v => v.RecordedAt).ThenBy(v => v.Id).ToList();
            return ordered.Select((v, i) => new AgendaMeasurement(m.Name, m.Unit, v.MeasuredOn, v.Value, i == 0 ? null : ordered[i - 1].Value, m.Direction == MetricDirection.HigherIsBetter));
        });

        // Client stakeholders attend the engagement's check-in, so its agenda shows only entries they may read.
        var log = await db.LogEntries.AsNoTracking()
            .Where(e => e.EngagementId == engagement.Id && e.Status == LogEntryStatus.Open && (series.ProviderOnly || !e.ProviderInternal))
            .Select(e => new AgendaLogEntry(e.Id, e.Kind, e.Title, e.Severity, e.Status, e.Due, e.OwnerMemberId, e.Owner!.Name))
            .ToListAsync();

        var pairs = await db.RecruiterAssignments.AsNoTracking().Where(a => a.EngagementId == engagement.Id).Pairs().ToListAsync();
        var asOf = date < today ? date : today;
        return CheckInAgendas.Draft(series, date, asOf, CheckInAgendas.Scope(series, pairs), tasks, measurements, log);
    }
}
