using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Unit.Digests.DispatcherSimulation;

namespace Onboarding.Tests.Unit.Digests;

/// <summary>
/// Runs the schedule the way the dispatcher will: every few minutes, for everyone, with an outbox
/// that keeps the first digest per (recipient, local date).
/// </summary>
public class DigestScheduleSimulationTests
{
    // The interval the recurring dispatcher really runs at.
    private static readonly TimeSpan Interval = Onboarding.Jobs.JobSchedules.DigestDispatchInterval;

    // Whole-hour, half-hour and 45-minute offsets; clocks that change at 00:00, 02:00, 02:45, by 30 minutes,
    // for Ramadan (Casablanca), at 24:00 (Santiago), in both hemispheres, and zones that never change.
    public static TheoryData<string> Zones =>
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "Pacific/Honolulu", "America/St_Johns", "America/Halifax", "America/Havana",
        "America/Mexico_City", "America/Sao_Paulo", "America/Santiago", "Europe/London", "Europe/Dublin",
        "Europe/Berlin", "Europe/Helsinki", "Europe/Moscow", "Africa/Casablanca", "Africa/Cairo",
        "Africa/Johannesburg", "Asia/Jerusalem", "Asia/Tehran", "Asia/Dubai", "Asia/Kolkata",
        "Asia/Kathmandu", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Australia/Adelaide",
        "Australia/Brisbane", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Kiritimati",
        "Etc/UTC",
    ];

    [Theory]
    [MemberData(nameof(Zones))]
    public void Clock_changes_in_2026_and_2027_neither_skip_nor_double_a_digest(string zoneId)
    {
        var zone = Onboarding.Core.Time.Zones.Find(zoneId);
        var changes = ClockChanges(zone, 2026).Concat(ClockChanges(zone, 2027)).ToList();
        var days = changes.Count > 0 ? changes : [new DateOnly(2026, 3, 29)];
        var awkwardHours = 0;

        foreach (var change in days)
        {
            var dates = Enumerable.Range(-2, 5).Select(change.AddDays).ToList();
            var kickoff = dates[0].AddDays(-3);
            // Hours around every clock change seen in these zones, and the default.
            var everyDay = new[] { 0, 1, 2, 3, 4, 8, 23 }
                .Select(hour => Recipient(zoneId, hour, EveryDay, kickoff))
                .ToList();
            var weekdays = Recipient(zoneId, 8, DigestRecipientSchedule.MondayToFriday, kickoff);
            var from = new DateTimeOffset(dates[0].AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(133);
            var to = new DateTimeOffset(dates[^1].AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

            var outbox = Run([.. everyDay, weekdays], from, to, Interval);

            foreach (var recipient in everyDay.Append(weekdays))
            {
                var expected = dates.Where(d => recipient.WorkingDays.Contains(d.DayOfWeek)).ToList();
                var got = outbox.Keys.Where(k => k.Recipient == recipient.Recipient && dates.Contains(k.Period)).Select(k => k.Period);
                Assert.Equal(expected, got.Order());
                foreach (var date in expected)
                {
                    var due = FirstInstantReading(zone, date, recipient.LocalHour);
                    awkwardHours += SkippedOrRepeated(zone, due, date.ToDateTime(new TimeOnly(recipient.LocalHour, 0))) ? 1 : 0;
                    AssertSentInWindow(outbox[new DigestKey(recipient.Recipient, date)], due, zoneId);
                }
            }
        }

        if (changes.Count > 0)
        {
            Assert.True(awkwardHours > 0, $"No recipient's hour fell in a gap or an overlap in {zoneId}: the test lost its point.");
        }
    }

    public static TheoryData<string> CadenceZones =>
    [
        "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kathmandu", "Pacific/Chatham",
        "America/St_Johns", "Africa/Casablanca", "America/Sao_Paulo",
    ];

    [Theory]
    [MemberData(nameof(CadenceZones))]
    public void Cadence_stages_and_preferences_hold_over_the_first_130_days(string zoneId)
    {
        var zone = Onboarding.Core.Time.Zones.Find(zoneId);
        var kickoff = new DateOnly(2026, 2, 4); // a Wednesday
        var secondKickoff = new DateOnly(2026, 3, 2); // a Monday
        var first = TestIds.Next();
        var second = TestIds.Next();
        var weekdays = DigestRecipientSchedule.MondayToFriday;
        var sundayToThursday = new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday };
        DigestRecipientSchedule Person(IReadOnlySet<DayOfWeek> days, params DigestSubscription[] subscriptions) =>
            new(TestIds.NextRecipient(), zoneId, DigestRecipientSchedule.DefaultLocalHour, days, subscriptions);

        var standard = Person(weekdays, new DigestSubscription(first, kickoff, DigestCadence.Default));
        var evenings = Person(weekdays, new DigestSubscription(first, kickoff, DigestCadence.Default)) with { LocalHour = 17 };
        var weeklyOnly = Person(weekdays, new DigestSubscription(first, kickoff, DigestCadence.Default, Preference: DigestPreference.WeeklyOnly));
        var optedOut = Person(weekdays, new DigestSubscription(first, kickoff, DigestCadence.Default, Preference: DigestPreference.None));
        var closed = Person(weekdays, new DigestSubscription(first, kickoff, DigestCadence.Default, Closed: true));
        var twoEngagements = Person(
            weekdays,
            new DigestSubscription(first, kickoff, DigestCadence.Default),
            new DigestSubscription(second, secondKickoff, DigestCadence.Default));
        var sundayWeek = Person(sundayToThursday, new DigestSubscription(first, kickoff, DigestCadence.Default)) with { WeekStart = DayOfWeek.Sunday };

        // What each recipient should get on a date: the engagements due and the hour.
        var expectations = new Dictionary<DigestRecipientSchedule, Func<DateOnly, (int[] Engagements, int Hour)>>
        {
            [standard] = d => Due(MondayToFridayDefault(d, kickoff), 8, first),
            [evenings] = d => Due(MondayToFridayDefault(d, kickoff), 17, first),
            [weeklyOnly] = d => Due(MondayToFridayWeeklyOnly(d, kickoff), 8, first),
            [optedOut] = _ => ([], 0),
            [closed] = _ => ([], 0),
            [twoEngagements] = d => MondayToFridayDefault(d, secondKickoff)
                ? ([.. MondayToFridayDefault(d, kickoff) ? [first] : Array.Empty<int>(), second], 8)
                : Due(MondayToFridayDefault(d, kickoff), 8, first),
            [sundayWeek] = d => Due(SundayToThursdayDefault(d, kickoff), 8, first),
        };

        var dates = Enumerable.Range(0, 130).Select(kickoff.AddDays).ToList();
        var from = new DateTimeOffset(kickoff.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(71);
        var to = new DateTimeOffset(dates[^1].AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var outbox = Run(expectations.Keys.ToList(), from, to, Interval);

        var kickoffs = new Dictionary<int, DateOnly> { [first] = kickoff, [second] = secondKickoff };
        var shared = 0;
        foreach (var (recipient, expect) in expectations)
        {
            var expected = dates.Where(d => expect(d).Engagements.Length > 0).ToList();
            var got = outbox.Keys.Where(k => k.Recipient == recipient.Recipient && dates.Contains(k.Period)).Select(k => k.Period);
            Assert.Equal(expected, got.Order());
            foreach (var date in expected)
            {
                var (engagements, hour) = expect(date);
                var recorded = outbox[new DigestKey(recipient.Recipient, date)];
                Assert.Equal(engagements, recorded.Digest.Engagements.Select(e => e.EngagementId));
                Assert.All(recorded.Digest.Engagements, e => Assert.Equal(Day(date, kickoffs[e.EngagementId]), e.Day));
                AssertSentInWindow(recorded, FirstInstantReading(zone, date, hour), zoneId);
                shared += engagements.Length > 1 ? 1 : 0;
            }
        }
        Assert.True(shared > 0, "No date had both engagements due: the merge was never exercised.");
        Assert.Equal(10, outbox.Keys.Count(k => k.Recipient == standard.Recipient && k.Period < kickoff.AddDays(14)));
    }

    private static (int[] Engagements, int Hour) Due(bool due, int hour, int engagement) => due ? ([engagement], hour) : ([], hour);

    private static int Day(DateOnly date, DateOnly kickoff) => date.DayNumber - kickoff.DayNumber + 1;

    // Stages count the engagement's working days (Monday to Friday here, as no calendar is given), kickoff included.
    private static int WorkingDay(DateOnly date, DateOnly kickoff) =>
        Enumerable.Range(0, Day(date, kickoff)).Count(i => kickoff.AddDays(i).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    private static bool MondayToFridayDefault(DateOnly date, DateOnly kickoff)
    {
        if (Day(date, kickoff) < 1 || date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }
        return WorkingDay(date, kickoff) switch
        {
            <= 14 => true,
            <= 45 => date.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday,
            <= 90 => date.DayOfWeek is DayOfWeek.Monday,
            _ => date.DayOfWeek is DayOfWeek.Monday && WeeksApart(kickoff, date, DayOfWeek.Monday) % 2 == 0,
        };
    }

    private static bool MondayToFridayWeeklyOnly(DateOnly date, DateOnly kickoff) =>
        Day(date, kickoff) >= 1 && date.DayOfWeek is DayOfWeek.Monday &&
        (WorkingDay(date, kickoff) <= 90 || WeeksApart(kickoff, date, DayOfWeek.Monday) % 2 == 0);

    private static bool SundayToThursdayDefault(DateOnly date, DateOnly kickoff)
    {
        if (Day(date, kickoff) < 1 || date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday)
        {
            return false;
        }
        return WorkingDay(date, kickoff) switch
        {
            <= 14 => true,
            <= 45 => date.DayOfWeek is DayOfWeek.Sunday or DayOfWeek.Wednesday,
            <= 90 => date.DayOfWeek is DayOfWeek.Sunday,
            _ => date.DayOfWeek is DayOfWeek.Sunday && WeeksApart(kickoff, date, DayOfWeek.Sunday) % 2 == 0,
        };
    }

    private static int WeeksApart(DateOnly kickoff, DateOnly date, DayOfWeek weekStart)
    {
        DateOnly StartOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek - (int)weekStart + 7) % 7));
        return (StartOf(date).DayNumber - StartOf(kickoff).DayNumber) / 7;
    }

    private static void AssertSentInWindow(Recorded recorded, DateTimeOffset due, string zone)
    {
        Assert.Equal(due, recorded.Digest.DueAt);
        Assert.True(
            recorded.At >= due && recorded.At < due + Interval,
            $"{zone} {recorded.Digest.Key}: sent at {recorded.At:u}, due at {due:u}");
    }

    // By conversion rather than TimeZoneInfo.IsInvalidTime/IsAmbiguousTime, which misjudge negative-DST zones.
    private static bool SkippedOrRepeated(TimeZoneInfo zone, DateTimeOffset due, DateTime target)
    {
        DateTime LocalAt(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return LocalAt(due) != target || Enumerable.Range(1, 180).Any(m => LocalAt(due.AddMinutes(m)) == target);
    }

    private static DigestRecipientSchedule Recipient(string zone, int hour, IReadOnlySet<DayOfWeek> days, DateOnly kickoff) =>
        new(TestIds.NextRecipient(), zone, hour, days, [new DigestSubscription(TestIds.Next(), kickoff, DigestCadence.Default)]);

    /// <summary>Local dates on which the zone's UTC offset changes.</summary>
    private static IEnumerable<DateOnly> ClockChanges(TimeZoneInfo zone, int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (zone.GetUtcOffset(midnight) != zone.GetUtcOffset(midnight.AddDays(1)))
            {
                yield return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(midnight.AddDays(1), zone).DateTime);
            }
        }
    }
}
