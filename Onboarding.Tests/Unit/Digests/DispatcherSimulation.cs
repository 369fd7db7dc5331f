using Microsoft.Extensions.Time.Testing;
using Onboarding.Core.Digests;

namespace Onboarding.Tests.Unit.Digests;

/// <summary>
/// Plays the dispatcher: a fake clock stepping one interval at a time, asking the schedule about
/// every recipient, and an outbox that records the first digest per key and ignores the rest.
/// </summary>
internal static class DispatcherSimulation
{
    public sealed record Recorded(DateTimeOffset At, PlannedDigest Digest);

    public static Dictionary<DigestKey, Recorded> Run(
        IReadOnlyList<DigestRecipientSchedule> recipients, DateTimeOffset from, DateTimeOffset to, TimeSpan interval)
    {
        var clock = new FakeTimeProvider(from);
        var outbox = new Dictionary<DigestKey, Recorded>();
        for (var now = clock.GetUtcNow(); now <= to; clock.Advance(interval), now = clock.GetUtcNow())
        {
            foreach (var recipient in recipients)
            {
                if (DigestSchedule.DueAt(recipient, now) is { } due)
                {
                    outbox.TryAdd(due.Key, new Recorded(now, due));
                }
            }
        }
        return outbox;
    }

    /// <summary>
    /// Independent of the schedule's arithmetic: scans minute by minute for the first instant the
    /// zone's wall clock reads <paramref name="hour"/>:00 on <paramref name="date"/> or later.
    /// </summary>
    public static DateTimeOffset FirstInstantReading(TimeZoneInfo zone, DateOnly date, int hour)
    {
        var target = date.ToDateTime(new TimeOnly(hour, 0));
        // No zone is more than 14 hours ahead of UTC, so this starts before the target anywhere.
        var instant = new DateTimeOffset(target, TimeSpan.Zero).AddHours(-15);
        while (TimeZoneInfo.ConvertTime(instant, zone).DateTime < target)
        {
            instant = instant.AddMinutes(1);
        }
        return instant;
    }

    public static IReadOnlySet<DayOfWeek> EveryDay { get; } = Enum.GetValues<DayOfWeek>().ToHashSet();
}
