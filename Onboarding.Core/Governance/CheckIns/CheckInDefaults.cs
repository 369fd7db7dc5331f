using Onboarding.Core.Engagements;

namespace Onboarding.Core.Governance.CheckIns;

/// <summary>
/// The check-ins every launch starts with, as the starter templates run them: the engagement's weekly 30-minute
/// check-in (account leaders, the TA lead and the recruiters) on Tuesdays at 10:00, and for each recruiter a weekly
/// 20-minute one with their lead on Fridays at 15:00, both in the engagement's zone and from the first such day
/// after kickoff (kickoff day has its own meeting). The leader changes day, time and people on the Check-ins tab.
/// </summary>
public static class CheckInDefaults
{
    public static readonly (DayOfWeek Day, TimeOnly Time, int Minutes) EngagementSlot = (DayOfWeek.Tuesday, new TimeOnly(10, 0), 30);
    public static readonly (DayOfWeek Day, TimeOnly Time, int Minutes) RecruiterSlot = (DayOfWeek.Friday, new TimeOnly(15, 0), 20);

    /// <summary>
    /// Adds those of the usual check-ins the engagement lacks: all of them at launch, and later the weekly one if it
    /// has none and one for each recruiter who joined without theirs. Needs the members and check-ins loaded.
    /// </summary>
    /// <returns>How many series were added.</returns>
    public static int Add(Engagement engagement, DateTimeOffset now)
    {
        var added = 0;
        var leaders = engagement.Members.Where(m => m.Role == EngagementRole.AccountLeader).ToList();
        if (!engagement.CheckIns.Any(s => s.Kind == CheckInKind.Engagement))
        {
            var attending = engagement.Members.Where(m => m.Role is EngagementRole.AccountLeader or EngagementRole.TaLead or EngagementRole.Recruiter);
            engagement.CheckIns.Add(New(engagement, CheckInKind.Engagement, "Weekly check-in", EngagementSlot, attending, null, now));
            added++;
        }
        var withOwn = engagement.CheckIns.Where(s => s.Kind == CheckInKind.Recruiter).Select(s => s.Recruiter?.Id ?? s.RecruiterMemberId).ToHashSet();
        foreach (var recruiter in engagement.Members.Where(m => m.Role == EngagementRole.Recruiter && !withOwn.Contains(m.Id)))
        {
            engagement.CheckIns.Add(New(engagement, CheckInKind.Recruiter, $"{recruiter.Name} · weekly check-in", RecruiterSlot, leaders.Append(recruiter), recruiter, now));
            added++;
        }
        return added;
    }

    private static CheckInSeries New(
        Engagement engagement, CheckInKind kind, string title, (DayOfWeek Day, TimeOnly Time, int Minutes) slot, IEnumerable<Member> people, Member? recruiter, DateTimeOffset now) => new()
        {
            Kind = kind,
            Title = title,
            Recruiter = recruiter,
            Weekday = slot.Day,
            LocalTime = slot.Time,
            DurationMinutes = slot.Minutes,
            IntervalWeeks = 1,
            StartsOn = CheckInSeries.FirstOn(slot.Day, engagement.Kickoff.AddDays(1)),
            Participants = people.Distinct().Select(m => new CheckInParticipant { Member = m }).ToList(),
            CreatedAt = now,
        };
}
