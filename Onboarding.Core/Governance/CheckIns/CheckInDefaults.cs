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

    public static void Add(Engagement engagement, DateTimeOffset now)
    {
        var leaders = engagement.Members.Where(m => m.Role == EngagementRole.AccountLeader).ToList();
        var attending = engagement.Members.Where(m => m.Role is EngagementRole.AccountLeader or EngagementRole.TaLead or EngagementRole.Recruiter);
        engagement.CheckIns.Add(New(engagement, CheckInKind.Engagement, "Weekly check-in", EngagementSlot, attending, null, now));
        foreach (var recruiter in engagement.Members.Where(m => m.Role == EngagementRole.Recruiter))
        {
            engagement.CheckIns.Add(New(engagement, CheckInKind.Recruiter, $"{recruiter.Name} · weekly check-in", RecruiterSlot, leaders.Append(recruiter), recruiter, now));
        }
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
