namespace Onboarding.Core.Time;

/// <summary>
/// IANA time zones, the only kind stored (so every node and the browser agree): lookup with a clear error,
/// and the one way to say what date or time it is somewhere. "Today" for a person is
/// <c>clock.TodayIn(person.TimeZone)</c>; nothing else converts.
/// </summary>
public static class Zones
{
    /// <summary>Every IANA zone this machine knows, for pickers.</summary>
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    // .NET also accepts Windows ids ("Eastern Standard Time"); HasIanaId refuses them.
    public static bool IsKnown(string? zoneId) =>
        !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) && zone.HasIanaId;

    /// <summary>For forms: null when <paramref name="zoneId"/> is a known IANA zone, otherwise the error to show.</summary>
    public static string? Problem(string? zoneId) => IsKnown(zoneId) ? null : UnknownMessage(zoneId);

    /// <exception cref="ArgumentException">Not an IANA zone known here; the message names it.</exception>
    public static TimeZoneInfo Find(string zoneId) =>
        IsKnown(zoneId) ? TimeZoneInfo.FindSystemTimeZoneById(zoneId) : throw new ArgumentException(UnknownMessage(zoneId), nameof(zoneId));

    public static DateOnly TodayIn(this TimeProvider clock, string zoneId) => DateIn(clock.GetUtcNow(), zoneId);

    /// <summary>The calendar date in <paramref name="zoneId"/> at an instant.</summary>
    public static DateOnly DateIn(DateTimeOffset instant, string zoneId) => DateOnly.FromDateTime(LocalIn(instant, zoneId).DateTime);

    /// <summary>The instant as a wall clock in <paramref name="zoneId"/> shows it.</summary>
    public static DateTimeOffset LocalIn(DateTimeOffset instant, string zoneId) => TimeZoneInfo.ConvertTime(instant, Find(zoneId));

    /// <summary>
    /// The instant the wall clock in <paramref name="zoneId"/> first reads <paramref name="time"/> on <paramref name="date"/>,
    /// or the end of the gap when clocks spring forward over it.
    /// </summary>
    public static DateTimeOffset InstantAt(DateOnly date, TimeOnly time, string zoneId) =>
        Digests.DigestSchedule.FirstInstantAtOrAfter(Find(zoneId), date.ToDateTime(time));

    private static string UnknownMessage(string? zoneId) =>
        $"'{zoneId}' is not a known IANA time zone; use a name like Europe/London or America/New_York.";
}
