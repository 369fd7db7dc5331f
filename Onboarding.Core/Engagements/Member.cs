using Onboarding.Core.Accounts;

namespace Onboarding.Core.Engagements;

public enum DigestPreference
{
    /// <summary>Follow the engagement's cadence.</summary>
    Cadence,
    WeeklyOnly,
    None,
}

/// <summary>
/// A person in one engagement: a user who can sign in, or an email-only contact who
/// only receives digests until invited.
/// </summary>
public sealed class Member : IVersioned
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    public string? UserId { get; set; }
    public AppUser? User { get; set; }

    public required string Name { get; set; }
    public required string Email { get; set; }
    public EngagementRole Role { get; set; }

    /// <summary>Job title or responsibility as the client describes it, e.g. "Head of Engineering".</summary>
    public string Title { get; set; } = "";

    public required string TimeZone { get; set; }
    public WorkingDays WorkingDays { get; set; } = WorkingDays.MondayToFriday;
    public int DigestHour { get; set; } = 8;
    public DigestPreference DigestPreference { get; set; }

    /// <summary>Secret for the private calendar feed URL; reset by replacing it.</summary>
    public required string CalendarToken { get; set; }

    /// <summary>Secret for the one-click unsubscribe link in digests.</summary>
    public required string UnsubscribeToken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
}
