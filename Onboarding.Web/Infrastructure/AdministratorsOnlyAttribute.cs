using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// Provider administrators only; everyone else gets 403. A resource filter, so it runs after sign-in and
/// the antiforgery check: a forged post is refused as such, whoever sends it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AdministratorsOnlyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!context.HttpContext.User.IsAdministrator())
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
