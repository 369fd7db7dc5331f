namespace Onboarding.Core.Digests;

/// <summary>Resolves the IANA time zone ids people choose for their digests.</summary>
public static class DigestTimeZones
{
    /// <summary>The zone for <paramref name="id"/>; throws <see cref="ArgumentException"/> naming the id when it is not an IANA zone known here.</summary>
    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out var zone) ? zone : throw new ArgumentException(UnknownMessage(id), nameof(id));

    /// <summary>For forms: null when <paramref name="id"/> is a known IANA zone, otherwise the error to show.</summary>
    public static string? Validate(string? id) => TryFind(id, out _) ? null : UnknownMessage(id);

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
        // .NET also accepts Windows ids ("Eastern Standard Time"); we store IANA ids only so every node and the browser agree.
        return zone.HasIanaId;
    }

    private static string UnknownMessage(string? id) =>
        $"Unknown time zone '{id}'. Use an IANA time zone id such as 'Europe/London' or 'America/New_York'.";
}
