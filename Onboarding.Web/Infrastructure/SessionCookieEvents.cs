using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// Checks on every request that the sign-in cookie's security stamp is still the account's, so a cookie dies at
/// once, on every web node, when its owner signs out, resets their password or is locked (each changes the
/// stamp), not at Identity's next periodic check. One indexed read by primary key, compiled like the
/// engagement gate; Identity's own validator still rebuilds the cookie's claims once a minute.
/// </summary>
public sealed class SessionCookieEvents(IOptions<IdentityOptions> identity) : CookieAuthenticationEvents
{
    // A compiled query belongs to the model it was compiled for: one per context type, as for the engagement gate.
    private static readonly ConcurrentDictionary<Type, Func<OnboardingDbContext, string, Task<string?>>> Stamps = new();

    private static Func<OnboardingDbContext, string, Task<string?>> CompileStamp() => EF.CompileAsyncQuery(
        (OnboardingDbContext db, string userId) => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var db = context.HttpContext.RequestServices.GetRequiredService<OnboardingDbContext>();
        try
        {
            var current = userId is null ? null : await Stamps.GetOrAdd(db.GetType(), _ => CompileStamp())(db, userId);
            if (userId is null || stamp is null || stamp != current)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        catch (Exception e) when (e is System.Data.Common.DbException || DatabaseFailures.IsUnavailable(e))
        {
            // Without a database nothing can be read or changed either: the request meets the same failure in its
            // action and shows the error page. Thrown from here, the failure would be cached with the request's
            // authentication and thrown again while the error page renders, leaving a bare 500.
        }
    }
}
