using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Home;

public sealed class HomeController(OnboardingDbContext db) : Controller
{
    /// <summary>Each person lands where their work is: stakeholders on their checklist, recruiters on their onboarding.</summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        if (User.IsAdministrator())
        {
            return Redirect("/engagements");
        }
        var userId = User.UserId();
        var roles = await db.Members.Where(m => m.UserId == userId && m.Engagement!.Status == EngagementStatus.Active).Select(m => m.Role).Distinct().ToListAsync();
        return Redirect(roles switch
        {
            _ when roles.Contains(EngagementRole.AccountLeader) => "/engagements",
            _ when roles.Contains(EngagementRole.Recruiter) => "/my/onboarding",
            _ when roles.Any(r => r.IsClientRole()) => "/my/checklist",
            _ => "/engagements",
        });
    }
}
