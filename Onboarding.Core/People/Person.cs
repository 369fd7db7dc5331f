using Onboarding.Core.Accounts;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.People;

/// <summary>
/// Someone the product knows, once, whatever engagements they are in: a user who can sign in, or an
/// email-only contact who only receives digests until invited. Their clock (time zone, working week,
/// digest hour) is theirs, not an engagement's; a <see cref="Member"/> is what they do in one engagement.
/// </summary>
public sealed class Person : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }
    public required string Email { get; set; }

    /// <summary>The address as <see cref="AccountRules.NormaliseEmail"/> makes it: one person however it is typed.</summary>
    public required string EmailKey { get; set; }

    /// <summary>Set once the person has an account.</summary>
    public string? UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>IANA zone in which this person's days, digests and times are shown.</summary>
    public required string TimeZone { get; set; }
    public WorkingDays WorkingDays { get; set; } = WorkingDays.MondayToFriday;

    /// <summary>Local hour (0–23) at which their digest is sent.</summary>
    public int DigestHour { get; set; } = DefaultDigestHour;

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    public const int DefaultDigestHour = 8;
}
