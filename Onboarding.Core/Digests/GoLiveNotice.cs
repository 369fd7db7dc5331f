using System.Globalization;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Digests;

/// <summary>The digest's go-live line: "Go-live today", or "Go-live on Monday 2 March 2026 (in 5 days)".</summary>
public sealed record GoLiveItem(DateOnly Date, int DaysAway, string Url)
{
    public string Text => DaysAway == 0
        ? $"{GoLiveMilestone.Title} today"
        : $"{GoLiveMilestone.Title} on {Date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)} (in {DaysAway} day{(DaysAway == 1 ? "" : "s")})";
}

/// <summary>
/// Whether a digest mentions go-live: when it falls on the digest's date or inside its coming-up window
/// (<paramref name="today"/>..<paramref name="windowEnd"/>, both inclusive). Kept apart from the composer's
/// sections so whichever window the composer uses, the rule is this one.
/// </summary>
public static class GoLiveNotice
{
    public static GoLiveItem? For(DateOnly? goLive, DateOnly today, DateOnly windowEnd, string url) =>
        goLive is { } date && date >= today && date <= windowEnd
            ? new GoLiveItem(date, date.DayNumber - today.DayNumber, url)
            : null;
}
