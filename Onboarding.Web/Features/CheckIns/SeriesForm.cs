using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.CheckIns;

namespace Onboarding.Web.Features.CheckIns;

/// <summary>A series' settings as typed; <see cref="TryApply"/> changes the series or gives an error per field.</summary>
public sealed class SeriesForm
{
    public string? Title { get; set; }
    public string? Weekday { get; set; }
    public string? Time { get; set; }
    public string? DurationMinutes { get; set; }
    public string? IntervalWeeks { get; set; }
    public List<int> ParticipantIds { get; set; } = [];
    public int? Version { get; set; }

    public static SeriesForm From(CheckInSeries series) => new()
    {
        Title = series.Title,
        Weekday = series.Weekday.ToString(),
        Time = series.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        DurationMinutes = series.DurationMinutes.ToString(CultureInfo.InvariantCulture),
        IntervalWeeks = series.IntervalWeeks.ToString(CultureInfo.InvariantCulture),
        ParticipantIds = series.Participants.Select(p => p.MemberId).ToList(),
        Version = series.Version,
    };

    /// <summary>The day, start and length as typed; each that does not read gets its error and a default.</summary>
    public (DayOfWeek Weekday, TimeOnly Time, int Minutes) ReadWhen(ModelStateDictionary errors)
    {
        if (!Enum.TryParse<DayOfWeek>(Weekday, ignoreCase: false, out var weekday) || !Enum.IsDefined(weekday) || int.TryParse(Weekday, out _))
        {
            errors.AddModelError(nameof(Weekday), "Choose the day of the week the check-in is held on.");
        }
        if (!TimeOnly.TryParseExact(Time?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.AddModelError(nameof(Time), string.IsNullOrWhiteSpace(Time) ? "Enter the time the check-in starts, as HH:MM." : $"'{TextLimits.Fit(Time, 40)}' is not a time of day; use HH:MM, e.g. 10:00.");
        }
        if (!int.TryParse(DurationMinutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 5 or > 480)
        {
            errors.AddModelError(nameof(DurationMinutes), "Give the length in minutes, a whole number from 5 to 480.");
        }
        return (weekday, time, minutes);
    }

    /// <param name="today">In the engagement's zone: a new day or interval counts from the first such day from today, so past meetings keep their dates.</param>
    public bool TryApply(CheckInSeries series, IReadOnlyList<Member> members, DateOnly today, ModelStateDictionary errors)
    {
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) { errors.AddModelError(nameof(Title), "Give the check-in a title, e.g. “Weekly check-in”."); }
        else if (title.Length > TextLimits.Title) { errors.AddModelError(nameof(Title), TextLimits.TooLong("The title", title.Length, TextLimits.Title)); }
        var (weekday, time, minutes) = ReadWhen(errors);
        if (!int.TryParse(IntervalWeeks, NumberStyles.None, CultureInfo.InvariantCulture, out var interval) || interval is < 1 or > 8)
        {
            errors.AddModelError(nameof(IntervalWeeks), "Say how often it meets: every 1 to 8 weeks.");
        }
        var people = members.Where(m => ParticipantIds.Contains(m.Id)).ToList();
        if (people.Count == 0) { errors.AddModelError(nameof(ParticipantIds), "Choose at least one participant."); }
        else if (series.ProviderOnly && people.FirstOrDefault(m => m.Role.IsClientRole()) is { } client)
        {
            errors.AddModelError(nameof(ParticipantIds), $"{client.Name} is a client stakeholder; a recruiter's check-in is for provider staff only.");
        }
        if (!errors.IsValid)
        {
            return false;
        }

        if (weekday != series.Weekday || interval != series.IntervalWeeks)
        {
            series.StartsOn = CheckInSeries.FirstOn(weekday, today > series.StartsOn ? today : series.StartsOn);
        }
        series.Title = title;
        series.Weekday = weekday;
        series.LocalTime = time;
        series.DurationMinutes = minutes;
        series.IntervalWeeks = interval;
        series.Participants.RemoveAll(p => !people.Any(m => m.Id == p.MemberId));
        series.Participants.AddRange(people.Where(m => !series.Includes(m.Id)).Select(m => new CheckInParticipant { MemberId = m.Id }));
        return true;
    }
}
