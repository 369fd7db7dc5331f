using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Engagements;

public sealed class EngagementsController(OnboardingDbContext db, EngagementSnapshots snapshots, EngagementStandings standings, TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet("/engagements")]
    public async Task<IActionResult> Index(string? q, EngagementStatus? status, int page = 1)
    {
        var userId = User.UserId();
        var organisationId = User.OrganisationId();
        var isAdministrator = User.IsAdministrator();
        var today = clock.TodayIn(User.TimeZone());
        var overdue = Overdue.On(today);

        var visible = db.Engagements.AsNoTracking()
            .Where(e => e.Members.Any(m => m.UserId == userId) || (isAdministrator && e.ProviderId == organisationId));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{q.Trim().ToLowerInvariant()}%";
            visible = visible.Where(e => EF.Functions.Like(e.Name.ToLower(), pattern) || EF.Functions.Like(e.Client!.Name.ToLower(), pattern));
        }
        if (status is { } s)
        {
            visible = visible.Where(e => e.Status == s);
        }

        var total = await visible.CountAsync();
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await visible
            .OrderBy(e => e.Status).ThenByDescending(e => e.Kickoff).ThenBy(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new EngagementRow(
                e.Id,
                e.Name,
                e.Client!.Name,
                e.Kickoff,
                e.Status,
                e.Tasks.Count(t => t.Status != PlanTaskStatus.Skipped),
                e.Tasks.Count(t => t.Status == PlanTaskStatus.Done),
                e.Tasks.AsQueryable().Count(overdue),
                e.Milestones.Where(m => m.ReachedAt == null && m.Date >= today).OrderBy(m => m.Date).Select(m => m.Title).FirstOrDefault(),
                e.Milestones.Where(m => m.ReachedAt == null && m.Date >= today).OrderBy(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefault()))
            .ToListAsync();

        return View(new EngagementListViewModel(rows, q, status, page, total, PageSize, today));
    }

    [HttpGet("/engagements/{engagementId:int}")]
    public async Task<IActionResult> Overview(int engagementId)
    {
        var access = HttpContext.EngagementAccess();
        var snapshot = await snapshots.GetAsync(db, access);
        var engagement = snapshot.Engagement;
        var today = clock.TodayIn(engagement.TimeZone);
        var summary = PlanSummary.Of(snapshot.Tasks, today, engagement.Kickoff);
        // Go-live is derived from the engagement, not stored as a milestone row; it takes its place among them here.
        var goLive = new Milestone { Title = GoLiveMilestone.Title, Date = engagement.GoLive };
        var milestones = snapshot.Milestones.Where(m => m.ReachedAt == null && m.Date >= today)
            .Concat(engagement.GoLive >= today ? [goLive] : [])
            .OrderBy(m => m.Date).Take(4).ToList();
        return View(new EngagementOverviewViewModel(
            engagement, access, engagement.DayOn(today), today,
            summary.Phases, summary.ThisWeek, summary.NeedsAttention, milestones, snapshot.RecentWins)
        {
            ClientSide = access.Role == EngagementRole.TaLead ? PlanSummary.ClientSideAttention(snapshot.Tasks, today) : null,
            // Health is counted from the whole log, so only provider staff see it: it would tell a client of provider-only issues.
            Health = access.Role?.IsClientRole() == true && !access.IsAdministrator
                ? null
                : await standings.GetAsync(db, new StandingKey(engagementId, access.Revision, engagement.TimeZone), clock.GetUtcNow()),
        });
    }

    [HttpGet("/engagements/{engagementId:int}/close")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    [OpenEngagementOnly]
    public async Task<IActionResult> ConfirmClose(int engagementId)
    {
        var name = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstAsync();
        var open = await db.PlanTasks.CountAsync(t => t.EngagementId == engagementId && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped);
        return View("Close", new CloseViewModel(engagementId, name, open));
    }

    /// <summary>Closing only changes the status: every record stays, so the engagement reads as it ended.</summary>
    [HttpPost("/engagements/{engagementId:int}/close")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    [OpenEngagementOnly]
    public async Task<IActionResult> Close(int engagementId)
    {
        var engagement = await db.Engagements.FirstAsync(e => e.Id == engagementId);
        var now = clock.GetUtcNow();
        engagement.Status = EngagementStatus.Closed;
        engagement.ClosedAt = now;
        db.RecordActivity(User, engagementId, "Closed the engagement: it is completed and kept read-only", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{engagement.Name} is closed and shows as completed.";
        return Redirect($"/engagements/{engagementId}");
    }

    [HttpPost("/engagements/{engagementId:int}/reopen")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Reopen(int engagementId)
    {
        var engagement = await db.Engagements.FirstAsync(e => e.Id == engagementId);
        if (engagement.Status == EngagementStatus.Closed)
        {
            var now = clock.GetUtcNow();
            engagement.Status = EngagementStatus.Active;
            engagement.ClosedAt = null;
            db.RecordActivity(User, engagementId, "Reopened the engagement", now);
            await db.SaveChangesAsync();
        }
        TempData["Notice"] = $"{engagement.Name} is open again.";
        return Redirect($"/engagements/{engagementId}");
    }
}

public sealed record CloseViewModel(int EngagementId, string EngagementName, int OpenTasks);

public sealed record EngagementRow(
    int Id, string Name, string Client, DateOnly Kickoff, EngagementStatus Status,
    int TaskCount, int DoneCount, int OverdueCount, string? NextMilestone, DateOnly? NextMilestoneDate)
{
    public int ProgressPercent => TaskCount == 0 ? 0 : DoneCount * 100 / TaskCount;
}

public sealed record EngagementListViewModel(
    IReadOnlyList<EngagementRow> Rows, string? Query, EngagementStatus? Status, int Page, int Total, int PageSize, DateOnly Today)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record EngagementOverviewViewModel(
    Engagement Engagement, EngagementAccess Access, int Day, DateOnly Today,
    IReadOnlyList<PhaseProgress> Phases, IReadOnlyList<TaskLine> ThisWeek, IReadOnlyList<TaskLine> NeedsAttention,
    IReadOnlyList<Milestone> NextMilestones, IReadOnlyList<Win> RecentWins)
{
    /// <summary>For the TA lead: every late or blocked client-side commitment; null for everyone else.</summary>
    public IReadOnlyList<TaskLine>? ClientSide { get; init; }

    /// <summary>Computed health with reasons and any override; null for client stakeholders.</summary>
    public EngagementStanding? Health { get; init; }
}
