using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Plans;

namespace Onboarding.Tests.Unit.Governance;

public class EscalationTests
{
    private const string London = "Europe/London";
    private const string Auckland = "Pacific/Auckland";

    // Friday 4 December 2026, 10:00 in London (UTC in winter).
    private static readonly DateTimeOffset FridayMorning = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static LogEntry Issue(LogSeverity severity, DateTimeOffset opened, DateOnly? due = null) =>
        LogEntries.Open(1, LogEntryKind.Issue, "ATS access", severity, LogSide.Client, null, due, "", false, "Alex", opened);

    [Fact]
    public void A_high_issue_opened_on_a_friday_escalates_on_the_third_working_day_after_not_counting_the_weekend()
    {
        var issue = Issue(LogSeverity.High, FridayMorning);
        var calendar = BusinessCalendar.MondayToFriday;

        Assert.False(Escalation.IsDue(issue, FridayMorning.AddDays(3), London, calendar, 3)); // Monday: 1 working day
        Assert.False(Escalation.IsDue(issue, FridayMorning.AddDays(4), London, calendar, 3)); // Tuesday: 2
        Assert.True(Escalation.IsDue(issue, FridayMorning.AddDays(5), London, calendar, 3));  // Wednesday: 3
    }

    [Fact]
    public void A_holiday_does_not_count_as_a_working_day()
    {
        var issue = Issue(LogSeverity.Critical, FridayMorning);
        var calendar = new BusinessCalendar(BusinessCalendar.MondayToFriday.WorkingDays, [new DateOnly(2026, 12, 8)]);

        Assert.False(Escalation.IsDue(issue, FridayMorning.AddDays(5), London, calendar, 3)); // Wednesday, with Tuesday off: 2
        Assert.True(Escalation.IsDue(issue, FridayMorning.AddDays(6), London, calendar, 3));  // Thursday: 3
    }

    [Fact]
    public void Working_days_are_counted_in_the_engagements_zone_where_the_utc_day_differs()
    {
        // 20:00 UTC on Friday 4 December is Friday in London but Saturday 09:00 in Auckland.
        var issue = Issue(LogSeverity.High, new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero));
        var calendar = BusinessCalendar.MondayToFriday;
        var tuesdayLate = new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero); // Tuesday 23:00 in Auckland
        var wednesdayInAuckland = new DateTimeOffset(2026, 12, 8, 11, 0, 0, TimeSpan.Zero); // Wednesday 00:00 there

        Assert.False(Escalation.IsDue(issue, tuesdayLate, Auckland, calendar, 3)); // Mon, Tue
        Assert.True(Escalation.IsDue(issue, wednesdayInAuckland, Auckland, calendar, 3)); // Mon, Tue, Wed
        Assert.False(Escalation.IsDue(issue, wednesdayInAuckland, London, calendar, 3)); // London counts from Friday: Mon, Tue
    }

    [Fact]
    public void An_issue_only_overdue_counts_from_its_due_date_not_from_when_it_was_opened()
    {
        var opened = FridayMorning.AddDays(-14);
        var issue = Issue(LogSeverity.Medium, opened, due: new DateOnly(2026, 12, 4));
        var calendar = BusinessCalendar.MondayToFriday;

        Assert.False(Escalation.IsDue(issue, FridayMorning, London, calendar, 3)); // due today: not overdue yet
        Assert.False(Escalation.IsDue(issue, FridayMorning.AddDays(4), London, calendar, 3)); // Tuesday: 2 working days after due
        Assert.True(Escalation.IsDue(issue, FridayMorning.AddDays(5), London, calendar, 3));
    }

    [Theory]
    [InlineData(LogEntryKind.Risk)]
    [InlineData(LogEntryKind.Decision)]
    public void Only_issues_escalate(LogEntryKind kind)
    {
        var entry = Issue(LogSeverity.Critical, FridayMorning);
        entry.Kind = kind;
        Assert.False(Escalation.IsDue(entry, FridayMorning.AddDays(30), London, BusinessCalendar.MondayToFriday, 3));
    }

    [Fact]
    public void A_low_issue_on_time_and_a_closed_issue_never_escalate()
    {
        Assert.False(Escalation.IsDue(Issue(LogSeverity.Low, FridayMorning), FridayMorning.AddDays(30), London, BusinessCalendar.MondayToFriday, 3));
        var closed = Issue(LogSeverity.Critical, FridayMorning);
        closed.Close("Fixed", "Alex", FridayMorning);
        Assert.False(Escalation.IsDue(closed, FridayMorning.AddDays(30), London, BusinessCalendar.MondayToFriday, 3));
    }

    [Fact]
    public void Climbing_resets_the_clock_so_the_next_rung_waits_the_same_number_of_working_days()
    {
        var issue = Issue(LogSeverity.High, FridayMorning);
        var wednesday = FridayMorning.AddDays(5);
        Escalation.Climb(issue, 1, EngagementRole.Recruiter, [(7, "Riya")], wednesday, 3);

        Assert.Equal(1, issue.EscalationLevel);
        Assert.False(Escalation.IsDue(issue, wednesday.AddDays(1), London, BusinessCalendar.MondayToFriday, 3));
        Assert.True(Escalation.IsDue(issue, wednesday.AddDays(5), London, BusinessCalendar.MondayToFriday, 3)); // Mon 14 Dec: Thu, Fri, Mon
        var step = Assert.Single(issue.Steps, s => s.Kind == LogStepKind.Escalated);
        Assert.Equal(7, step.ToMemberId);
        Assert.Null(step.ToldAt);
        Assert.Contains("Recruiter", step.Text);
    }

    [Fact]
    public void The_next_rung_passes_over_roles_nobody_holds_and_stops_at_the_top()
    {
        (int, EngagementRole)[] members = [(1, EngagementRole.AccountLeader), (2, EngagementRole.TaLead), (3, EngagementRole.TaLead)];

        var first = Escalation.NextRung(0, EscalationLadder.Default, members);
        Assert.Equal((2, EngagementRole.AccountLeader), (first!.Value.Level, first.Value.Role)); // no recruiter yet
        var second = Escalation.NextRung(2, EscalationLadder.Default, members);
        Assert.Equal(new[] { 2, 3 }, second!.Value.MemberIds); // every TA lead is reached
        Assert.Null(Escalation.NextRung(3, EscalationLadder.Default, members)); // no executive sponsor: nowhere higher
        Assert.Null(Escalation.NextRung(4, EscalationLadder.Default, members));
    }

    [Fact]
    public void An_engagement_without_rungs_uses_the_default_ladder()
    {
        Assert.Equal(EscalationLadder.Default, EscalationLadder.Of([]));
        Assert.Equal(new[] { EngagementRole.TaLead }, EscalationLadder.Of([new EscalationRung { Level = 1, Role = EngagementRole.TaLead }]));
    }
}
