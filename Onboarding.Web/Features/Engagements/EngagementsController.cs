using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Engagements;

public sealed class EngagementsController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet("/engagements")]
    public async Task<IActionResult> Index(string? q, EngagementStatus? status, int page = 1)
    {
        var userId = User.UserId();
        var organisationId = User.OrganisationId();
        var isAdministrator = User.IsAdministrator();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

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
                e.Tasks.Count(t => t.Due < today && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped),
                e.Milestones.Where(m => m.ReachedAt == null && m.Date >= today).OrderBy(m => m.Date).Select(m => m.Title).FirstOrDefault(),
                e.Milestones.Where(m => m.ReachedAt == null && m.Date >= today).OrderBy(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefault()))
            .ToListAsync();

        return View(new EngagementListViewModel(rows, q, status, page, total, PageSize, today));
    }

    [HttpGet("/engagements/{engagementId:int}")]
    public async Task<IActionResult> Overview(int engagementId)
    {
        var access = HttpContext.EngagementAccess();
        var engagement = await db.Engagements.AsNoTracking()
            .Include(e => e.Client)
            .Include(e => e.Provider)
            .Include(e => e.Outcomes.OrderBy(o => o.Position))
            .Include(e => e.Members.OrderBy(m => m.Role).ThenBy(m => m.Name))
            .AsSplitQuery()
            .FirstAsync(e => e.Id == engagementId);
        return View(new EngagementOverviewViewModel(engagement, access, engagement.DayOn(clock.TodayIn(engagement.TimeZone))));
    }
}

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

public sealed record EngagementOverviewViewModel(Engagement Engagement, EngagementAccess Access, int Day);
