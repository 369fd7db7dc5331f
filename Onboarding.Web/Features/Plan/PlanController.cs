using Microsoft.AspNetCore.Mvc;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Plan;

[Route("/engagements/{engagementId:int}/plan")]
public sealed class PlanController(OnboardingDbContext db, EngagementSnapshots snapshots, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId, int? owner, PlanTaskStatus? status, string? phase)
    {
        var access = HttpContext.EngagementAccess();
        var snapshot = await snapshots.GetAsync(db, access);
        var engagement = snapshot.Engagement;
        var all = snapshot.Tasks;
        var today = clock.TodayIn(engagement.TimeZone);
        var words = await ReaderWords.LoadAsync(db, engagementId, access.Role);
        var milestones = snapshot.Milestones.Select(m => new TimelineMilestone(words.Text(m.Title), m.Date, m.ReachedAt != null))
            .Append(new TimelineMilestone(GoLiveMilestone.Title, engagement.GoLive, GoLiveMilestone.IsReached(engagement.GoLive, today), IsGoLive: true))
            .ToList();
        var members = engagement.Members.OrderBy(m => m.Name).Select(m => new OwnerOption(m.Id, m.Name, m.Role)).ToList();

        var phases = all.GroupBy(t => (t.PhaseKey, t.PhaseTitle))
            .Select(g => new TimelinePhase(g.Key.PhaseTitle, g.Min(t => t.Start), g.Max(t => t.Due)))
            .OrderBy(p => p.Start)
            .ToList();
        var shown = all.Where(t => (owner is null || t.OwnerId == owner) && (status is null || t.Status == status) && (phase is null || t.PhaseKey == phase)).ToList();
        return View(new PlanViewModel(
            engagement.Id, engagement.Name, engagement.Kickoff, today, phases, milestones,
            shown.GroupBy(t => (t.PhaseKey, t.PhaseTitle)).Select(g => new PhaseGroup(g.Key.PhaseKey, g.Key.PhaseTitle, g.ToList())).ToList(),
            all.Select(t => (t.PhaseKey, t.PhaseTitle)).Distinct().ToList(),
            members, owner, status, phase, all.Count, access,
            engagement.Status == EngagementStatus.Closed, engagement.ClosedAt)
        { Words = words });
    }
}

public sealed record PhaseGroup(string Key, string Title, IReadOnlyList<PlanRow> Tasks);

public sealed record OwnerOption(int Id, string Name, EngagementRole Role);

public sealed record PlanViewModel(
    int EngagementId, string EngagementName, DateOnly Kickoff, DateOnly Today,
    IReadOnlyList<TimelinePhase> Phases, IReadOnlyList<TimelineMilestone> Milestones,
    IReadOnlyList<PhaseGroup> Groups, IReadOnlyList<(string Key, string Title)> PhaseOptions, IReadOnlyList<OwnerOption> Owners,
    int? Owner, PlanTaskStatus? Status, string? Phase, int TotalTasks, EngagementAccess Access,
    bool IsClosed, DateTimeOffset? ClosedAt)
{
    /// <summary>The reader's words: a client stakeholder reads the client's (<see cref="ReaderWords"/>).</summary>
    public ReaderWords Words { get; init; } = ReaderWords.AsWritten;
}
