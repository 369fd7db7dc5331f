using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;

namespace Onboarding.Core.Digests;

/// <summary>
/// One engagement a recipient can get digests for; <paramref name="Closed"/> engagements never send.
/// <paramref name="Calendar"/> is the engagement's (its working week and holidays; Monday to Friday when
/// null): cadence stages count its working days. <paramref name="ClientSide"/> readers get getting-ready
/// digests before kickoff.
/// </summary>
public sealed record DigestSubscription(
    int EngagementId,
    DateOnly Kickoff,
    DigestCadence Cadence,
    bool Closed = false,
    DigestPreference Preference = DigestPreference.Cadence,
    BusinessCalendar? Calendar = null,
    bool ClientSide = false)
{
    public BusinessCalendar Calendar { get; init; } = Calendar ?? BusinessCalendar.MondayToFriday;
}

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

/// <summary>
/// An engagement that has a section in a digest, with its engagement day on the recipient's local date (calendar
/// days, kickoff is day 1) and its <paramref name="WorkingDay"/> (<see cref="DigestDepth.WorkingDay"/>).
/// <paramref name="Frequency"/> is null for a getting-ready digest, before kickoff. "Coming up" runs to
/// <paramref name="LooksAheadTo"/>; <paramref name="EarlyStage"/> is the cadence's first stage, when digests explain.
/// </summary>
public sealed record DueEngagement(
    int EngagementId,
    int Day,
    CadenceFrequency? Frequency,
    int WorkingDay,
    DateOnly LooksAheadTo,
    bool EarlyStage)
{
    public bool GettingReady => Frequency is null;

    /// <summary>
    /// What a digest on <paramref name="date"/> without a schedule behind it (a test, a benchmark) assumes:
    /// a regular, explaining digest that looks the minimum ahead.
    /// </summary>
    public static DueEngagement Assumed(int engagementId, DateOnly kickoff, DateOnly date) =>
        new(engagementId, Engagement.DayNumber(kickoff, date), CadenceFrequency.EveryWorkingDay, Engagement.DayNumber(kickoff, date),
            DigestDepth.LooksAheadTo(date, date.AddDays(1)), EarlyStage: true);
}

/// <summary>A recipient's digest for one local date; it becomes due at <paramref name="DueAt"/>.</summary>
public sealed record PlannedDigest(DigestKey Key, DateTimeOffset DueAt, IReadOnlyList<DueEngagement> Engagements);
