using Hangfire.Dashboard;

namespace Onboarding.Web.Infrastructure;

/// <summary>The Hangfire dashboard shows every job's arguments, so only provider administrators may open it.</summary>
public sealed class AdministratorsOnlyDashboard : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsAdministrator();
    }
}
