namespace Onboarding.Core.Engagements;

/// <summary>
/// A record that calendar feeds show as an event. Calendar apps keep an event they have seen unless its
/// SEQUENCE rises, so the sequence counts only the changes a feed shows (dates and text), not every edit
/// (<see cref="Data.CalendarRevisions"/> keeps both).
/// </summary>
public interface ICalendarEvent
{
    int CalendarSequence { get; set; }

    /// <summary>When the event as a feed shows it last changed; null for rows older than the feed's revisions.</summary>
    DateTimeOffset? CalendarChangedAt { get; set; }
}
