using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Links;

namespace Onboarding.Web.Features.Calendar;

/// <summary>
/// The check-ins a member attends, as recurring events of their calendar feed: one VEVENT per series with a weekly
/// RRULE, its start in the engagement's zone (TZID, with that zone's VTIMEZONE) so the meeting stays at 10:00 there
/// across daylight-saving changes, and a UID per series, so changing day or time moves the event rather than adding one.
/// </summary>
public static class CheckInEvents
{
    public static async Task AddToAsync(Ical.Net.Calendar calendar, OnboardingDbContext db, int memberId, string timeZone, AppLinks links)
    {
        var series = await db.CheckInSeries.AsNoTracking()
            .Where(s => s.Participants.Any(p => p.MemberId == memberId))
            .OrderBy(s => s.Id)
            .ToListAsync();
        if (series.Count == 0)
        {
            return;
        }
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(timeZone));
        foreach (var s in series)
        {
            var start = s.StartsOn.ToDateTime(s.LocalTime);
            var end = start.AddMinutes(s.DurationMinutes);
            var url = links.CheckIn(s.EngagementId, s.Id, s.StartsOn);
            var meeting = new CalendarEvent
            {
                Uid = $"check-in-{s.Id}@onboarding",
                Summary = s.Title,
                Description = $"The agenda is drafted from the plan before each meeting: {links.Engagement(s.EngagementId)}/check-ins",
                DtStart = new CalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, timeZone),
                DtEnd = new CalDateTime(end.Year, end.Month, end.Day, end.Hour, end.Minute, 0, timeZone),
                Url = new Uri(url),
                // Every edit of the series (day, time, participants) is a new version of the event.
                Sequence = s.Version,
                LastModified = CalendarFeedController.Utc(s.ChangedAt ?? s.CreatedAt),
                DtStamp = CalendarFeedController.Utc(s.ChangedAt ?? s.CreatedAt),
            };
            meeting.RecurrenceRule = new RecurrencePattern(Ical.Net.FrequencyType.Weekly, s.IntervalWeeks);
            calendar.Events.Add(meeting);
        }
    }
}
