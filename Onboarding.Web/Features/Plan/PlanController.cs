using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Plan;

[Route("/engagements/{engagementId:int}/plan")]
public sealed class PlanController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId, int? owner, PlanTaskStatus? status, string? phase)
    {
        var engagement = await db.Engagements.AsNoTracking()
            .Where(e => e.Id == engagementId)
            .Select(e => new { e.Id, e.Name, e.Kickoff, e.TimeZone, e.Status, e.ClosedAt })
            .FirstAsync();
        var all = await db.PlanTasks.AsNoTracking()
            .Where(t => t.EngagementId == engagementId)
            .OrderBy(t => t.Start).ThenBy(t => t.Due).ThenBy(t => t.Id)
            .Select(t => new PlanRow(t.Id, t.Title, t.PhaseKey, t.PhaseTitle, t.Start, t.Due, t.Status, t.OwnerId, t.Owner != null ? t.Owner.Name : null, t.OwnerRole, t.IsMilestone, t.Warning, t.BlockedReason))
            .ToListAsync();
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.EngagementId == engagementId)
            .OrderBy(m => m.Date)
            .Select(m => new TimelineMilestone(m.Title, m.Date, m.ReachedAt != null))
            .ToListAsync();
        var members = await db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagementId)
            .OrderBy(m => m.Name)
            .Select(m => new OwnerOption(m.Id, m.Name, m.Role))
            .ToListAsync();

        var phases = all.GroupBy(t => (t.PhaseKey, t.PhaseTitle))
            .Select(g => new TimelinePhase(g.Key.PhaseTitle, g.Min(t => t.Start), g.Max(t => t.Due)))
            .OrderBy(p => p.Start)
            .ToList();
        var shown = all.Where(t => (owner is null || t.OwnerId == owner) && (status is null || t.Status == status) && (phase is null || t.PhaseKey == phase)).ToList();
        var today = clock.TodayIn(engagement.TimeZone);
        return View(new PlanViewModel(
            engagement.Id, engagement.Name, engagement.Kickoff, today, phases, milestones,
            shown.GroupBy(t => (t.PhaseKey, t.PhaseTitle)).Select(g => new PhaseGroup(g.Key.PhaseKey, g.Key.PhaseTitle, g.ToList())).ToList(),
            all.Select(t => (t.PhaseKey, t.PhaseTitle)).Distinct().ToList(),
            members, owner, status, phase, all.Count, HttpContext.EngagementAccess(),
            engagement.Status == EngagementStatus.Closed, engagement.ClosedAt));
    }
}

public sealed record PlanRow(
    int Id, string Title, string PhaseKey, string PhaseTitle, DateOnly Start, DateOnly Due, PlanTaskStatus Status,
    int? OwnerId, string? OwnerName, EngagementRole OwnerRole, bool IsMilestone, string? Warning, string? BlockedReason)
{
    public bool IsOverdue(DateOnly today) => Due < today && Status is not (PlanTaskStatus.Done or PlanTaskStatus.Skipped);
}

public sealed record PhaseGroup(string Key, string Title, IReadOnlyList<PlanRow> Tasks);

public sealed record OwnerOption(int Id, string Name, EngagementRole Role);

public sealed record PlanViewModel(
    int EngagementId, string EngagementName, DateOnly Kickoff, DateOnly Today,
    IReadOnlyList<TimelinePhase> Phases, IReadOnlyList<TimelineMilestone> Milestones,
    IReadOnlyList<PhaseGroup> Groups, IReadOnlyList<(string Key, string Title)> PhaseOptions, IReadOnlyList<OwnerOption> Owners,
    int? Owner, PlanTaskStatus? Status, string? Phase, int TotalTasks, EngagementAccess Access,
    bool IsClosed, DateTimeOffset? ClosedAt);
