using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Engagements;

/// <summary>
/// A completed engagement keeps its history exactly as it was: actions that change the plan answer
/// 409 with a page that says so (and how to reopen) instead of running. It runs after the access gate,
/// so outsiders still get 404.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class OpenEngagementOnlyAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var access = http.EngagementAccess();
        if (!access.IsClosed)
        {
            await next();
            return;
        }
        var db = http.RequestServices.GetRequiredService<OnboardingDbContext>();
        var closed = await db.Engagements.AsNoTracking()
            .Where(e => e.Id == access.EngagementId)
            .Select(e => new ClosedEngagementViewModel(e.Id, e.Name, e.ClosedAt))
            .FirstAsync();
        var view = ((Controller)context.Controller).View("/Features/Engagements/Closed.cshtml", closed);
        view.StatusCode = StatusCodes.Status409Conflict;
        context.Result = view;
    }
}

public sealed record ClosedEngagementViewModel(int EngagementId, string EngagementName, DateTimeOffset? ClosedAt);
