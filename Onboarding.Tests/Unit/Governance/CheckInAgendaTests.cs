using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Governance.CheckIns;

namespace Onboarding.Tests.Unit.Governance;

public class CheckInAgendaTests
{
    // Weekly on Tuesdays from 3 Nov: the meeting of 17 Nov follows the one of 10 Nov and precedes the one of 24 Nov.
    private static readonly DateOnly Meeting = new(2026, 11, 17);
    private const int Recruiter = 1, Leader = 2, TaLead = 3, Manager = 4, OtherManager = 5;

    private static CheckInSeries Weekly(CheckInKind kind = CheckInKind.Engagement, int? recruiter = null) => new()
    {
        Title = "Weekly check-in",
        Kind = kind,
        RecruiterMemberId = recruiter,
        Weekday = DayOfWeek.Tuesday,
        LocalTime = new TimeOnly(10, 0),
        DurationMinutes = 30,
        StartsOn = new DateOnly(2026, 11, 3),
    };

    private static AgendaTask Task(int id, string title, int owner, EngagementRole role, PlanTaskStatus status, string start, string due, string? completed = null, string? blocked = null) =>
        new(id, title, owner, $"Owner {owner}", role, status, DateOnly.Parse(start), DateOnly.Parse(due), completed is null ? null : DateOnly.Parse(completed), blocked);

    private static readonly AgendaTask[] Plan =
    [
        Task(1, "Done since last time", Recruiter, EngagementRole.Recruiter, PlanTaskStatus.Done, "2026-11-09", "2026-11-12", completed: "2026-11-12"),
        Task(2, "Done before the last check-in", Leader, EngagementRole.AccountLeader, PlanTaskStatus.Done, "2026-11-02", "2026-11-09", completed: "2026-11-09"),
        Task(3, "Approve the job templates", Manager, EngagementRole.HiringManager, PlanTaskStatus.Blocked, "2026-11-16", "2026-11-20", blocked: "Waiting for legal"),
        Task(4, "Set up the ATS pipeline", Recruiter, EngagementRole.Recruiter, PlanTaskStatus.ToDo, "2026-11-10", "2026-11-13"),
        Task(5, "Send the org chart", TaLead, EngagementRole.TaLead, PlanTaskStatus.InProgress, "2026-11-12", "2026-11-16"),
        Task(6, "Run the intake meetings", Recruiter, EngagementRole.Recruiter, PlanTaskStatus.ToDo, "2026-11-20", "2026-11-27"),
        Task(7, "Starts after the next check-in", Leader, EngagementRole.AccountLeader, PlanTaskStatus.ToDo, "2026-11-25", "2026-11-30"),
        Task(8, "Skipped", Leader, EngagementRole.AccountLeader, PlanTaskStatus.Skipped, "2026-11-02", "2026-11-10"),
        Task(9, "Meet the other team", OtherManager, EngagementRole.HiringManager, PlanTaskStatus.ToDo, "2026-11-02", "2026-11-06"),
    ];

    private static readonly AgendaMeasurement[] Values =
    [
        new("Time to fill", "days", new DateOnly(2026, 11, 5), 44, null, HigherIsBetter: false),
        new("Time to fill", "days", new DateOnly(2026, 11, 12), 40, 44, HigherIsBetter: false),
    ];

    private static readonly AgendaLogEntry[] Log =
    [
        new(1, LogEntryKind.Risk, "Budget freeze", LogSeverity.Low, LogEntryStatus.Open, null, Leader, "Owner 2"),
        new(2, LogEntryKind.Issue, "No ATS access", LogSeverity.High, LogEntryStatus.Open, null, Recruiter, "Owner 1"),
        new(3, LogEntryKind.Issue, "Closed one", LogSeverity.Critical, LogEntryStatus.Closed, null, Leader, "Owner 2"),
        new(4, LogEntryKind.Decision, "Which job board", LogSeverity.Medium, LogEntryStatus.Open, new DateOnly(2026, 11, 20), Leader, "Owner 2"),
        new(5, LogEntryKind.Decision, "Which assessment", LogSeverity.Medium, LogEntryStatus.Open, new DateOnly(2026, 12, 1), Leader, "Owner 2"),
    ];

    [Fact]
    public void The_agenda_of_a_known_plan_lists_done_blocked_and_overdue_by_side_coming_up_metrics_risks_and_decisions()
    {
        var agenda = CheckInAgendas.Draft(Weekly(), Meeting, Meeting, null, Plan, Values, Log);

        Assert.Equal((new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 24)), (agenda.Since, agenda.Next));
        Assert.Equal(["Done since last time"], agenda.Done.Select(t => t.Title));
        Assert.Equal(["Approve the job templates"], agenda.BlockedClient.Select(t => t.Title));
        Assert.Equal("Waiting for legal", agenda.BlockedClient[0].Note);
        Assert.Empty(agenda.BlockedProvider);
        Assert.Equal(["Meet the other team", "Send the org chart"], agenda.OverdueClient.Select(t => t.Title));
        Assert.Equal(["Set up the ATS pipeline"], agenda.OverdueProvider.Select(t => t.Title));
        Assert.Equal(["Run the intake meetings"], agenda.ComingUp.Select(t => t.Title));
        var move = Assert.Single(agenda.Metrics);
        Assert.Equal((40m, 44m, true), (move.Value, move.Previous, move.Improved));
        Assert.Equal(["No ATS access", "Budget freeze"], agenda.RisksAndIssues.Select(e => e.Title));
        Assert.Equal(["Which job board"], agenda.DecisionsDue.Select(e => e.Title));
    }

    [Fact]
    public void A_recruiters_check_in_covers_their_work_and_their_hiring_managers()
    {
        var series = Weekly(CheckInKind.Recruiter, Recruiter);
        var scope = CheckInAgendas.Scope(series, [new AssignedPair(1, Recruiter, "Riya", Manager, "Hana")]);

        var agenda = CheckInAgendas.Draft(series, Meeting, Meeting, scope, Plan, Values, Log);

        Assert.Equal(new HashSet<int> { Recruiter, Manager }, scope);
        Assert.Equal(["Done since last time"], agenda.Done.Select(t => t.Title));
        Assert.Equal(["Approve the job templates"], agenda.BlockedClient.Select(t => t.Title));
        Assert.Empty(agenda.OverdueClient);
        Assert.Equal(["No ATS access"], agenda.RisksAndIssues.Select(e => e.Title));
        Assert.Empty(agenda.DecisionsDue);
    }

    [Fact]
    public void An_upcoming_meeting_judges_overdue_on_today_and_the_first_meeting_looks_back_one_interval()
    {
        var first = CheckInAgendas.Draft(Weekly(), new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 3), null, Plan, Values, Log);
        Assert.Equal(new DateOnly(2026, 10, 27), first.Since);
        Assert.Equal(["Done before the last check-in"], CheckInAgendas.Draft(Weekly(), new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10), null, Plan, Values, Log).Done.Select(t => t.Title));

        var ahead = CheckInAgendas.Draft(Weekly(), new DateOnly(2026, 11, 24), asOf: new DateOnly(2026, 11, 12), null, Plan, Values, Log);
        Assert.Empty(ahead.OverdueProvider);
        Assert.Equal(["Meet the other team"], ahead.OverdueClient.Select(t => t.Title));
    }

    [Fact]
    public void A_fortnightly_series_meets_every_other_week_from_its_first_day()
    {
        var series = Weekly();
        series.IntervalWeeks = 2;

        Assert.True(series.MeetsOn(new DateOnly(2026, 11, 17)));
        Assert.False(series.MeetsOn(new DateOnly(2026, 11, 10)));
        Assert.False(series.MeetsOn(new DateOnly(2026, 10, 20)));
        Assert.False(series.MeetsOn(new DateOnly(2026, 11, 18)));
        Assert.Equal(new DateOnly(2026, 12, 1), series.NextOnOrAfter(new DateOnly(2026, 11, 18)));
        Assert.Equal(new DateOnly(2026, 11, 17), series.NextOnOrAfter(new DateOnly(2026, 11, 17)));
        Assert.Equal(new DateOnly(2026, 11, 3), series.NextOnOrAfter(new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2026, 11, 3), series.PreviousBefore(new DateOnly(2026, 11, 17)));
        Assert.Null(series.PreviousBefore(new DateOnly(2026, 11, 3)));
        Assert.Equal(new DateOnly(2026, 11, 17), CheckInSeries.FirstOn(DayOfWeek.Tuesday, new DateOnly(2026, 11, 13)));
    }

    [Fact]
    public void A_launch_starts_the_weekly_check_in_and_one_per_recruiter_with_their_lead()
    {
        Member M(int id, string name, EngagementRole role) => new() { Id = id, Name = name, Email = $"{id}@x.example", Role = role, CalendarToken = "c", UnsubscribeToken = "u" };
        var engagement = new Engagement
        {
            Name = "Acme",
            TimeZone = "Europe/London",
            Kickoff = new DateOnly(2026, 11, 12),
            Members = [M(Leader, "Alex", EngagementRole.AccountLeader), M(Recruiter, "Riya", EngagementRole.Recruiter), M(TaLead, "Tomás", EngagementRole.TaLead), M(Manager, "Hana", EngagementRole.HiringManager)],
        };

        CheckInDefaults.Add(engagement, DateTimeOffset.UnixEpoch);

        var weekly = Assert.Single(engagement.CheckIns, s => s.Kind == CheckInKind.Engagement);
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(10, 0), 30, new DateOnly(2026, 11, 17)), (weekly.Weekday, weekly.LocalTime, weekly.DurationMinutes, weekly.StartsOn));
        Assert.Equal(["Alex", "Riya", "Tomás"], weekly.Participants.Select(p => p.Member!.Name).Order());
        var riyas = Assert.Single(engagement.CheckIns, s => s.Kind == CheckInKind.Recruiter);
        Assert.Equal(["Alex", "Riya"], riyas.Participants.Select(p => p.Member!.Name).Order());
        Assert.True(riyas.ProviderOnly);
        Assert.Equal(DayOfWeek.Friday, riyas.StartsOn.DayOfWeek);
    }
}
