using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.People;
using Onboarding.Core.Time;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// Puts the organisation, the account role's rights and the kinds of membership (for the navigation) in the
/// sign-in cookie so that no page needs a query for them. The cookie is rebuilt at each security-stamp
/// check (every minute), so a new kind of membership shows within a minute.
/// </summary>
public sealed class UserClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, OnboardingDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string OrganisationClaim = "onboarding:org";
    public const string AdministratorClaim = "onboarding:admin";
    public const string MayLaunchClaim = "onboarding:launch";
    public const string DisplayNameClaim = "onboarding:name";
    public const string ClientStakeholderClaim = "onboarding:client-stakeholder";
    public const string RecruiterClaim = "onboarding:recruiter";
    public const string TimeZoneClaim = "onboarding:zone";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganisationClaim, user.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        var zone = await db.People.AsNoTracking().Where(p => p.UserId == user.Id).Select(p => p.TimeZone).FirstOrDefaultAsync();
        identity.AddClaim(new Claim(TimeZoneClaim, zone ?? PersonDirectory.DefaultTimeZone));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(AdministratorClaim, "true"));
        }
        if (user.AccountRole.MayLaunch())
        {
            identity.AddClaim(new Claim(MayLaunchClaim, "true"));
        }
        var roles = await db.Members.AsNoTracking().Where(m => m.UserId == user.Id).Select(m => m.Role).Distinct().ToListAsync();
        if (roles.Any(r => r.IsClientRole()))
        {
            identity.AddClaim(new Claim(ClientStakeholderClaim, "true"));
        }
        if (roles.Contains(EngagementRole.Recruiter))
        {
            identity.AddClaim(new Claim(RecruiterClaim, "true"));
        }
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    public static int OrganisationId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(UserClaimsFactory.OrganisationClaim) ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.HasClaim(UserClaimsFactory.AdministratorClaim, "true");

    public static bool MayLaunch(this ClaimsPrincipal user) => user.HasClaim(UserClaimsFactory.MayLaunchClaim, "true");

    public static bool IsClientStakeholder(this ClaimsPrincipal user) => user.HasClaim(UserClaimsFactory.ClientStakeholderClaim, "true");

    public static bool IsRecruiter(this ClaimsPrincipal user) => user.HasClaim(UserClaimsFactory.RecruiterClaim, "true");

    /// <summary>The signed-in person's own time zone, in which every time a page shows them is written.</summary>
    public static string TimeZone(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserClaimsFactory.TimeZoneClaim) is { } zone && Zones.IsKnown(zone) ? zone : PersonDirectory.DefaultTimeZone;

    /// <summary>"3 Dec 2026 14:05 Europe/London": an instant as the signed-in person's clock shows it, saying which clock.</summary>
    public static string LocalTime(this ClaimsPrincipal user, DateTimeOffset instant, string format = "d MMM yyyy HH:mm")
    {
        var zone = user.TimeZone();
        return $"{Zones.LocalIn(instant, zone).ToString(format, System.Globalization.CultureInfo.InvariantCulture)} {zone}";
    }

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
