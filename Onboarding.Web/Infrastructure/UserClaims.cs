using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Onboarding.Core.Accounts;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// Puts the organisation and administrator flag in the sign-in cookie so that access checks
/// on every request need no extra query for them.
/// </summary>
public sealed class UserClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string OrganisationClaim = "onboarding:org";
    public const string AdministratorClaim = "onboarding:admin";
    public const string DisplayNameClaim = "onboarding:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganisationClaim, user.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(AdministratorClaim, "true"));
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

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
