using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Features.Activity;

[Route("/engagements/{engagementId:int}/activity")]
public sealed class ActivityController(OnboardingDbContext db) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId, int page = 1)
    {
        var name = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstAsync();
        var query = db.Activity.AsNoTracking().Where(a => a.EngagementId == engagementId);
        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        return View(new ActivityViewModel(engagementId, name, entries, page, pageCount));
    }
}

public sealed record ActivityViewModel(int EngagementId, string EngagementName, IReadOnlyList<ActivityEntry> Entries, int Page, int PageCount);
