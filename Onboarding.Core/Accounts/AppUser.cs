using Microsoft.AspNetCore.Identity;

namespace Onboarding.Core.Accounts;

public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>Provider administrators see every engagement of their organisation.</summary>
    public bool IsAdministrator { get; set; }

    public string TimeZone { get; set; } = "Europe/London";
    public DateTimeOffset CreatedAt { get; set; }
}
