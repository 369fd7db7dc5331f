namespace Onboarding.Core.Time;

/// <summary>IANA time zones: lookup with a clear error, and "today" in a zone from an injected clock.</summary>
public static class Zones
{
    /// <summary>Every IANA zone this machine knows, for pickers.</summary>
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    public static bool IsKnown(string? zoneId) =>
        !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) && zone.HasIanaId;

    public static TimeZoneInfo Find(string zoneId) =>
        IsKnown(zoneId)
            ? TimeZoneInfo.FindSystemTimeZoneById(zoneId)
            : throw new ArgumentException($"'{zoneId}' is not a known IANA time zone (for example Europe/London or America/New_York).", nameof(zoneId));

    public static DateOnly TodayIn(this TimeProvider clock, string zoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Find(zoneId)).DateTime);
}
