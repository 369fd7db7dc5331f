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
    private static readonly Func<OnboardingDbContext, string, Task<string?>> CurrentStamp = EF.CompileAsyncQuery(
        (OnboardingDbContext db, string userId) => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var db = context.HttpContext.RequestServices.GetRequiredService<OnboardingDbContext>();
        if (userId is null || stamp is null || stamp != await CurrentStamp(db, userId))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
