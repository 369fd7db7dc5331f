using Microsoft.AspNetCore.Identity;

namespace Onboarding.Core.Accounts;

public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>For the provider's people, what they may start; administrators also see every engagement of their organisation.</summary>
    public AccountRole AccountRole { get; set; }

    public bool IsAdministrator => AccountRole == AccountRole.Administrator;

    public DateTimeOffset CreatedAt { get; set; }
}
