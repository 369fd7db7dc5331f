using Onboarding.Core.Engagements;

namespace Onboarding.Core.Digests;

/// <summary>One engagement a recipient can get digests for; <paramref name="Closed"/> engagements never send.</summary>
public sealed record DigestSubscription(
    int EngagementId,
    DateOnly Kickoff,
    DigestCadence Cadence,
    bool Closed = false,
    DigestPreference Preference = DigestPreference.Cadence);

/// <summary>
/// Everything <see cref="DigestSchedule"/> needs about one recipient: who they are in the outbox
/// (<paramref name="Recipient"/>, e.g. the lower-cased email the outbox keys on), their IANA zone, the local
/// hour (0–23) their digest goes out, the days they work and the engagements they belong to.
/// Weeks start on <paramref name="WeekStart"/>; it decides what "first working day of the week" means.
/// </summary>
public sealed record DigestRecipientSchedule(
    string Recipient,
    string TimeZoneId,
    int LocalHour,
    IReadOnlySet<DayOfWeek> WorkingDays,
    IReadOnlyList<DigestSubscription> Subscriptions,
    DayOfWeek WeekStart = DayOfWeek.Monday)
{
    public const int DefaultLocalHour = 8;

    public static IReadOnlySet<DayOfWeek> MondayToFriday { get; } = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };
}

/// <summary>The outbox key: a recipient gets at most one digest per local date.</summary>
public readonly record struct DigestKey(string Recipient, DateOnly Period)
{
    public override string ToString() => $"{Recipient}/{Period:yyyy-MM-dd}";
}

/// <summary>An engagement that has a section in a digest, with its engagement day on the recipient's local date.</summary>
public sealed record DueEngagement(int EngagementId, int Day, CadenceFrequency Frequency);

/// <summary>A recipient's digest for one local date; it becomes due at <paramref name="DueAt"/>.</summary>
public sealed record PlannedDigest(DigestKey Key, DateTimeOffset DueAt, IReadOnlyList<DueEngagement> Engagements);
