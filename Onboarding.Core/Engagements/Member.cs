using Onboarding.Core.Accounts;
using Onboarding.Core.People;

namespace Onboarding.Core.Engagements;

public enum DigestPreference
{
    /// <summary>Follow the engagement's cadence.</summary>
    Cadence,
    WeeklyOnly,
    None,
}

/// <summary>
/// What a <see cref="People.Person"/> does in one engagement: role, title, digest preference for it, and the
/// secrets of its calendar feed and unsubscribe link. Name, address and account are the person's, copied here
/// by <see cref="People.PersonDirectory"/> so engagement pages can list members without a join.
/// </summary>
public sealed class Member : IVersioned
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    public int PersonId { get; set; }
    public Person? Person { get; set; }

    public string? UserId { get; set; }
    public AppUser? User { get; set; }

    public required string Name { get; set; }
    public required string Email { get; set; }
    public EngagementRole Role { get; set; }

    /// <summary>Job title or responsibility as the client describes it, e.g. "Head of Engineering".</summary>
    public string Title { get; set; } = "";

    public DigestPreference DigestPreference { get; set; }

    /// <summary>Where they hire or work from, among the engagement's locations.</summary>
    public List<Locations.HiringLocation> Locations { get; set; } = [];

    /// <summary>Secret for the private calendar feed URL; reset by replacing it.</summary>
    public required string CalendarToken { get; set; }

    /// <summary>Secret for the one-click unsubscribe link in digests.</summary>
    public required string UnsubscribeToken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
}
