using System.Globalization;
using Onboarding.Core.Time;

namespace Onboarding.Core.Engagements;

/// <summary>
/// A record two people may edit at once. Every save bumps <see cref="Version"/>, a concurrency token, so a save
/// made from a form opened on an older version is refused instead of silently overwriting the newer one, and
/// <see cref="ChangedBy"/> says whose change it would have overwritten.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }

    /// <summary>Who saved the current version through a page; null when a plan change (upgrade, reschedule) did.</summary>
    string? ChangedBy { get; set; }

    DateTimeOffset? ChangedAt { get; set; }
}

public static class Versioned
{
    /// <summary>Records who saves this change; the version itself is bumped when it is saved (<see cref="Data.EditVersions"/>).</summary>
    public static void ChangedNowBy(this IVersioned record, string by, DateTimeOffset now)
    {
        record.ChangedBy = by;
        record.ChangedAt = now;
    }

    /// <summary>Null when the form was opened on the version saved now (or did not say); otherwise what to tell the person.</summary>
    /// <param name="timeZone">The zone of the person told, in which the time of the other change is written.</param>
    public static string? StaleEdit(this IVersioned record, int? formVersion, string what, string timeZone) =>
        formVersion is { } opened && opened != record.Version ? ChangedSince(record, what, timeZone) : null;

    /// <summary>Tells whoever's save was refused who changed the record meanwhile, at what time of their own clock.</summary>
    public static string ChangedSince(IVersioned current, string what, string timeZone) =>
        $"{current.ChangedBy ?? "Someone"} changed {what}{(current.ChangedAt is { } at ? At(at, timeZone) : "")}, after you opened it. Nothing of yours was saved: their version is shown; make your change again on it.";

    private static string At(DateTimeOffset at, string timeZone)
    {
        var local = Zones.LocalIn(at, timeZone);
        return string.Create(CultureInfo.InvariantCulture, $" at {local:HH:mm} on {local:d MMM} ({timeZone})");
    }
}
