using Onboarding.Core.Digests;
using Onboarding.Core.Time;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Unit.Digests;

public class DigestScheduleTests
{
    private static readonly int Engagement = TestIds.Next();

    [Fact]
    public void Spring_forward_over_the_hour_makes_the_digest_due_when_the_gap_ends()
    {
        // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
        var recipient = EveryDayRecipient("America/New_York", hour: 2, kickoff: new DateOnly(2026, 3, 2));

        Assert.Null(DigestSchedule.DueAt(recipient, Utc(2026, 3, 8, 6, 59)));
        var due = DigestSchedule.DueAt(recipient, Utc(2026, 3, 8, 7, 0));

        Assert.NotNull(due);
        Assert.Equal(Utc(2026, 3, 8, 7, 0), due.DueAt);
        Assert.Equal(new DateOnly(2026, 3, 8), due.Key.Period);
    }

    [Fact]
    public void Fall_back_makes_the_digest_due_at_the_first_occurrence_and_keeps_one_key()
    {
        // New York, 1 November 2026: 01:00–02:00 happens twice, first in EDT (05:00 UTC), then in EST (06:00 UTC).
        var recipient = EveryDayRecipient("America/New_York", hour: 1, kickoff: new DateOnly(2026, 10, 26));

        var first = DigestSchedule.DueAt(recipient, Utc(2026, 11, 1, 5, 0));
        var second = DigestSchedule.DueAt(recipient, Utc(2026, 11, 1, 6, 30));

        Assert.Null(DigestSchedule.DueAt(recipient, Utc(2026, 11, 1, 4, 59)));
        Assert.NotNull(first);
        Assert.Equal(Utc(2026, 11, 1, 5, 0), first.DueAt);
        Assert.Equal(first.Key, second?.Key);
    }

    [Fact]
    public void Half_hour_spring_forward_on_Lord_Howe_is_due_at_half_past()
    {
        // Lord Howe, 4 October 2026: 02:00 (+10:30) jumps to 02:30 (+11:00), i.e. 15:30 UTC on the 3rd.
        var recipient = EveryDayRecipient("Australia/Lord_Howe", hour: 2, kickoff: new DateOnly(2026, 10, 1));

        var due = DigestSchedule.ForDate(recipient, new DateOnly(2026, 10, 4));

        Assert.Equal(Utc(2026, 10, 3, 15, 30), due?.DueAt);
    }

    [Fact]
    public void Negative_dst_zones_are_handled_by_the_clock_not_by_TimeZoneInfo_flags()
    {
        // Dublin's tz rules call winter time the "daylight" one; TimeZoneInfo.IsInvalidTime misses
        // this gap. 29 March 2026: 01:00 GMT jumps to 02:00 IST at 01:00 UTC.
        var recipient = EveryDayRecipient("Europe/Dublin", hour: 1, kickoff: new DateOnly(2026, 3, 23));

        var due = DigestSchedule.ForDate(recipient, new DateOnly(2026, 3, 29));

        Assert.Equal(Utc(2026, 3, 29, 1, 0), due?.DueAt);
    }

    [Fact]
    public void Engagement_day_is_counted_on_the_recipients_local_date()
    {
        // 23:30 UTC on kickoff day is already the next morning in Auckland.
        var recipient = EveryDayRecipient("Pacific/Auckland", hour: 8, kickoff: new DateOnly(2026, 6, 1)) with { LocalHour = 11 };

        var due = DigestSchedule.DueAt(recipient, Utc(2026, 6, 1, 23, 30));

        Assert.Equal(new DateOnly(2026, 6, 2), due?.Key.Period);
        Assert.Equal(2, due?.Engagements.Single().Day);
    }

    [Fact]
    public void Nothing_is_due_before_kickoff_or_once_the_engagement_is_closed()
    {
        var recipient = EveryDayRecipient("Europe/Berlin", hour: 8, kickoff: new DateOnly(2026, 6, 10));
        var closed = recipient with { Subscriptions = [recipient.Subscriptions[0] with { Closed = true }] };

        Assert.Null(DigestSchedule.ForDate(recipient, new DateOnly(2026, 6, 9)));
        Assert.NotNull(DigestSchedule.ForDate(recipient, new DateOnly(2026, 6, 10)));
        Assert.Null(DigestSchedule.ForDate(closed, new DateOnly(2026, 6, 10)));
    }

    [Fact]
    public void Engagements_due_the_same_day_share_one_digest_at_the_persons_hour()
    {
        var other = TestIds.Next();
        var recipient = EveryDayRecipient("Europe/London", hour: 8, kickoff: new DateOnly(2026, 6, 1)) with
        {
            Subscriptions =
            [
                new DigestSubscription(Engagement, new DateOnly(2026, 6, 1), DigestCadence.Default),
                new DigestSubscription(other, new DateOnly(2026, 6, 3), DigestCadence.Default),
            ],
        };

        var due = DigestSchedule.ForDate(recipient, new DateOnly(2026, 6, 3));

        Assert.Equal(Utc(2026, 6, 3, 7, 0), due?.DueAt);
        Assert.Equal([Engagement, other], due?.Engagements.Select(e => e.EngagementId));
        Assert.Equal([3, 1], due?.Engagements.Select(e => e.Day));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Eastern Standard Time")]
    [InlineData("")]
    public void An_unknown_time_zone_is_a_clear_error(string zone)
    {
        var recipient = EveryDayRecipient(zone, hour: 8, kickoff: new DateOnly(2026, 6, 1));

        var error = Assert.Throws<ArgumentException>(() => DigestSchedule.DueAt(recipient, Utc(2026, 6, 1, 12, 0)));

        Assert.Contains($"'{zone}'", error.Message);
        Assert.StartsWith(Zones.Problem(zone)!, error.Message);
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("America/St_Johns")]
    public void Known_iana_zones_validate(string zone) => Assert.Null(Zones.Problem(zone));

    [Fact]
    public void An_hour_outside_the_day_is_rejected()
    {
        var recipient = EveryDayRecipient("Europe/London", hour: 24, kickoff: new DateOnly(2026, 6, 1));

        Assert.Throws<ArgumentException>(() => DigestSchedule.ForDate(recipient, new DateOnly(2026, 6, 1)));
    }

    private static DigestRecipientSchedule EveryDayRecipient(string zone, int hour, DateOnly kickoff) => new(
        "ada@client.example", zone, hour, DispatcherSimulation.EveryDay, [new DigestSubscription(Engagement, kickoff, DigestCadence.Default)]);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
