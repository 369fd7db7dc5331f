using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

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

public static class JobsDashboard
{
    /// <summary>
    /// Hangfire's dashboard at <see cref="SecurityHeaders.JobsDashboardPath"/>. Hangfire itself answers a visitor who is
    /// not signed in with a bare 401; here they are sent to sign in first, like on every other page. Its <c>/stats</c>
    /// route is the dashboard's own polling, a form POST; Hangfire reads any other request's body as a form and fails
    /// with a 500, so anything else is refused with 405.
    /// </summary>
    public static WebApplication UseOnboardingJobsDashboard(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(SecurityHeaders.JobsDashboardPath), branch => branch.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            if (context.Request.Path.StartsWithSegments($"{SecurityHeaders.JobsDashboardPath}/stats") && !(HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "POST";
                return;
            }

            await next(context);
        }));
        app.UseHangfireDashboard(SecurityHeaders.JobsDashboardPath, new DashboardOptions
        {
            Authorization = [new AdministratorsOnlyDashboard()],
            DashboardTitle = "Onboarding background jobs",
            AppPath = "/",
        });
        return app;
    }
}
