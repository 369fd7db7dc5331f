using Onboarding.Core.Engagements;
using Onboarding.Core.Time;

namespace Onboarding.Core.Digests;

/// <summary>
/// Decides when each recipient's digest is due. Pure: the caller passes the instant.
/// </summary>
/// <remarks>
/// <para>The period is the recipient's local date; the outbox key is (recipient, local date), so
/// however often the dispatcher asks within a day, and whatever the clocks do, a recipient gets one
/// digest per date. The engagement day is that local date minus kickoff plus one; the cadence's stages
/// count the engagement's working days instead (<see cref="DigestDepth.WorkingDay"/>), as the plan does.</para>
/// <para>A date is eligible for an engagement when it is one of the recipient's working days, the
/// engagement is open, the recipient has not opted out, and the cadence frequency on that day allows it:</para>
/// <list type="bullet">
/// <item>every working day: any working day;</item>
/// <item>weekly: the first working day of the week;</item>
/// <item>twice a week: the first working day of the week, and the first working day on or after the
/// week's fourth day (Thursday when weeks start on Monday);</item>
/// <item>fortnightly: the first working day of every other week, counting the kickoff's week as week 0.</item>
/// </list>
/// <para>Before kickoff, client stakeholders get a getting-ready digest on <see cref="DigestDepth.IsGettingReadyDate"/>'s
/// dates. Each due engagement carries how far "coming up" looks (to the reader's next digest for it, see
/// <see cref="DigestDepth.LooksAheadTo"/>) and whether the cadence is in its first stage.</para>
/// <para>The digest for an eligible date is due from the first instant the recipient's wall clock
/// reads the local hour on that date. When the hour falls in a spring-forward gap that is the instant
/// the gap ends; when it happens twice at fall-back it is the first occurrence. Engagements with
/// different hours on the same date share one digest, due at the earliest of their hours.</para>
/// </remarks>
public static class DigestSchedule
{
    /// <summary>The digest due for the recipient at <paramref name="now"/>, or null when nothing is due yet today.</summary>
    /// <exception cref="ArgumentException">The recipient's time zone is unknown, or an hour is outside 0–23.</exception>
    public static PlannedDigest? DueAt(DigestRecipientSchedule recipient, DateTimeOffset now)
    {
        var zone = Zones.Find(recipient.TimeZoneId);
        var date = Zones.DateIn(now, recipient.TimeZoneId);
        // Before the hour nothing is due, whatever the engagements: the dispatcher asks everyone every few minutes.
        if (now < FirstInstantAtOrAfter(zone, date.ToDateTime(new TimeOnly(CheckHour(recipient.LocalHour), 0))))
        {
            return null;
        }
        var planned = Plan(recipient, zone, date);
        return planned is not null && now >= planned.DueAt ? planned : null;
    }

    /// <summary>The digest the recipient gets on <paramref name="localDate"/>, due or not; null when that date has none.</summary>
    public static PlannedDigest? ForDate(DigestRecipientSchedule recipient, DateOnly localDate) =>
        Plan(recipient, Zones.Find(recipient.TimeZoneId), localDate);

    private static PlannedDigest? Plan(DigestRecipientSchedule recipient, TimeZoneInfo zone, DateOnly date)
    {
        CheckHour(recipient.LocalHour);
        if (!recipient.WorkingDays.Contains(date.DayOfWeek))
        {
            return null;
        }

        var engagements = new List<DueEngagement>();
        foreach (var subscription in recipient.Subscriptions)
        {
            if (subscription.Closed || subscription.Preference == DigestPreference.None)
            {
                continue;
            }
            var day = Engagement.DayNumber(subscription.Kickoff, date);
            var workingDay = DigestDepth.WorkingDay(subscription.Calendar, subscription.Kickoff, date);
            if (day < 1)
            {
                if (subscription.ClientSide && DigestDepth.IsGettingReadyDate(subscription.Calendar, subscription.Kickoff, date))
                {
                    engagements.Add(new DueEngagement(subscription.EngagementId, day, null, workingDay, subscription.Kickoff.AddDays(-1), EarlyStage: true));
                }
                continue;
            }
            if (FrequencyOn(recipient, subscription, date, workingDay) is not { } frequency)
            {
                continue;
            }
            var next = NextDigestDate(recipient, subscription, date);
            engagements.Add(new DueEngagement(
                subscription.EngagementId, day, frequency, workingDay, DigestDepth.LooksAheadTo(date, next),
                DigestDepth.IsEarlyStage(subscription.Cadence, workingDay)));
        }

        if (engagements.Count == 0)
        {
            return null;
        }
        var dueAt = FirstInstantAtOrAfter(zone, date.ToDateTime(new TimeOnly(recipient.LocalHour, 0)));
        return new PlannedDigest(new DigestKey(recipient.Recipient, date), dueAt, engagements);
    }

    /// <summary>The frequency that puts a digest for <paramref name="subscription"/> on <paramref name="date"/>, or null when it has none that day.</summary>
    private static CadenceFrequency? FrequencyOn(DigestRecipientSchedule recipient, DigestSubscription subscription, DateOnly date, int workingDay)
    {
        if (!recipient.WorkingDays.Contains(date.DayOfWeek) || date < subscription.Kickoff)
        {
            return null;
        }
        if (subscription.Cadence.FrequencyOn(workingDay) is not { } frequency)
        {
            return null;
        }
        if (subscription.Preference == DigestPreference.WeeklyOnly)
        {
            frequency = AtMostWeekly(frequency);
        }
        return IsDigestDate(recipient, subscription.Kickoff, date, frequency) ? frequency : null;
    }

    /// <summary>The reader's next digest date for the engagement after <paramref name="date"/>, within <see cref="DigestDepth.MaxLookAheadDays"/>.</summary>
    private static DateOnly? NextDigestDate(DigestRecipientSchedule recipient, DigestSubscription subscription, DateOnly date)
    {
        var workingDay = subscription.Calendar.WorkingDaysBetween(subscription.Kickoff.AddDays(-1), date);
        for (var next = date.AddDays(1); next <= date.AddDays(DigestDepth.MaxLookAheadDays); next = next.AddDays(1))
        {
            // Counted on from date's working day rather than from kickoff again for each date.
            workingDay += subscription.Calendar.IsWorkingDay(next) ? 1 : 0;
            if (FrequencyOn(recipient, subscription, next, Math.Max(1, workingDay)) is not null)
            {
                return next;
            }
        }
        return null;
    }

    private static CadenceFrequency AtMostWeekly(CadenceFrequency frequency) => frequency switch
    {
        CadenceFrequency.EveryWorkingDay or CadenceFrequency.TwiceAWeek => CadenceFrequency.Weekly,
        _ => frequency,
    };

    // The caller has checked that date is a working day, so each week has a first working day.
    private static bool IsDigestDate(DigestRecipientSchedule recipient, DateOnly kickoff, DateOnly date, CadenceFrequency frequency)
    {
        var weekStart = WeekStartOf(date, recipient.WeekStart);
        return frequency switch
        {
            CadenceFrequency.EveryWorkingDay => true,
            CadenceFrequency.Weekly => date == FirstWorkingDay(recipient, weekStart, weekStart),
            CadenceFrequency.TwiceAWeek =>
                date == FirstWorkingDay(recipient, weekStart, weekStart) ||
                date == FirstWorkingDay(recipient, weekStart, weekStart.AddDays(3)),
            CadenceFrequency.Fortnightly =>
                date == FirstWorkingDay(recipient, weekStart, weekStart) &&
                (weekStart.DayNumber - WeekStartOf(kickoff, recipient.WeekStart).DayNumber) / 7 % 2 == 0,
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
        };
    }

    private static DateOnly WeekStartOf(DateOnly date, DayOfWeek weekStart) =>
        date.AddDays(-(((int)date.DayOfWeek - (int)weekStart + 7) % 7));

    private static DateOnly? FirstWorkingDay(DigestRecipientSchedule recipient, DateOnly weekStart, DateOnly from)
    {
        for (var day = from; day < weekStart.AddDays(7); day = day.AddDays(1))
        {
            if (recipient.WorkingDays.Contains(day.DayOfWeek))
            {
                return day;
            }
        }
        return null;
    }

    private static int CheckHour(int hour) =>
        hour is >= 0 and <= 23 ? hour : throw new ArgumentException($"Digest hour {hour} is not between 0 and 23.", nameof(hour));

    /// <summary>
    /// The first instant at which the wall clock in <paramref name="zone"/> reads <paramref name="local"/> or later:
    /// the first occurrence when clocks fall back, the end of the gap when they spring forward over it.
    /// </summary>
    /// <remarks>
    /// Works from UTC-to-local conversions only: <see cref="TimeZoneInfo.IsInvalidTime"/> and
    /// <see cref="TimeZoneInfo.IsAmbiguousTime"/> misjudge zones whose tz rules use negative DST
    /// (Europe/Dublin, Africa/Casablanca).
    /// </remarks>
    internal static DateTimeOffset FirstInstantAtOrAfter(TimeZoneInfo zone, DateTime local)
    {
        // The offsets in force a day either side; reading local with each gives the candidate instants.
        var nominal = AsUtc(local);
        var before = TimeZoneInfo.ConvertTime(nominal.AddDays(-1), zone).Offset;
        var after = TimeZoneInfo.ConvertTime(nominal.AddDays(1), zone).Offset;
        var early = AsUtc(local - (before > after ? before : after));
        var late = AsUtc(local - (before > after ? after : before));
        if (LocalAt(early) == local)
        {
            return early;
        }
        if (LocalAt(late) == local)
        {
            return late;
        }

        // Neither reads local, so it is in a gap: the wall clock is before local at the early
        // candidate and after it at the late one. Bisect to the second (transitions fall on whole seconds).
        var lo = early.ToUnixTimeSeconds();
        var hi = late.ToUnixTimeSeconds();
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (LocalAt(DateTimeOffset.FromUnixTimeSeconds(mid)) >= local)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
        return DateTimeOffset.FromUnixTimeSeconds(hi);

        DateTime LocalAt(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
    }

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
}
