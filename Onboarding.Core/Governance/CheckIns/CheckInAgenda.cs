using Onboarding.Core.Engagements;

namespace Onboarding.Core.Governance.CheckIns;

// Plain records the meeting page fills from the database; drafting never touches EF entities.

/// <summary>A plan task as the agenda needs it; <paramref name="CompletedOn"/> is its completion day in the engagement's zone.</summary>
public sealed record AgendaTask(
    int Id, string Title, int? OwnerId, string? OwnerName, EngagementRole OwnerRole, PlanTaskStatus Status,
    DateOnly Start, DateOnly Due, DateOnly? CompletedOn, string? BlockedReason = null);

/// <summary>A value recorded for a metric, with the value before it (null for its first).</summary>
public sealed record AgendaMeasurement(string Metric, string Unit, DateOnly MeasuredOn, decimal Value, decimal? Previous, bool HigherIsBetter);

/// <summary>An entry of the log the participants may read.</summary>
public sealed record AgendaLogEntry(int Id, LogEntryKind Kind, string Title, LogSeverity Severity, LogEntryStatus Status, DateOnly? Due, int? OwnerId, string? OwnerName);

/// <summary>One line of the agenda about a task.</summary>
public sealed record AgendaTaskItem(int TaskId, string Title, string? OwnerName, DateOnly Due, string? Note = null);

public sealed record AgendaMetricItem(string Metric, string Unit, DateOnly MeasuredOn, decimal Value, decimal? Previous, bool HigherIsBetter)
{
    /// <summary>True when the value moved the way the metric wants, false when the other way, null when unchanged or first.</summary>
    public bool? Improved => Previous is { } before && before != Value ? (Value > before) == HigherIsBetter : null;
}

public sealed record AgendaLogItem(int EntryId, LogEntryKind Kind, string Title, LogSeverity Severity, DateOnly? Due, string? OwnerName);

/// <summary>
/// A check-in's drafted agenda: what happened since the previous meeting (after <see cref="Since"/>, up to
/// <see cref="Date"/>), what needs attention now by side, and what is due before the next meeting (<see cref="Next"/>).
/// </summary>
public sealed record CheckInAgenda(
    DateOnly Date,
    DateOnly Since,
    DateOnly Next,
    IReadOnlyList<AgendaTaskItem> Done,
    IReadOnlyList<AgendaTaskItem> BlockedClient,
    IReadOnlyList<AgendaTaskItem> BlockedProvider,
    IReadOnlyList<AgendaTaskItem> OverdueClient,
    IReadOnlyList<AgendaTaskItem> OverdueProvider,
    IReadOnlyList<AgendaTaskItem> ComingUp,
    IReadOnlyList<AgendaMetricItem> Metrics,
    IReadOnlyList<AgendaLogItem> RisksAndIssues,
    IReadOnlyList<AgendaLogItem> DecisionsDue)
{
    public bool IsEmpty => Done.Count + BlockedClient.Count + BlockedProvider.Count + OverdueClient.Count + OverdueProvider.Count
        + ComingUp.Count + Metrics.Count + RisksAndIssues.Count + DecisionsDue.Count == 0;
}

/// <summary>
/// Drafts a check-in's agenda from the plan. The rules:
/// done = completed after the previous meeting (or, for the first, in the interval before it) up to the meeting day;
/// blocked = blocked now; overdue = <see cref="Overdue"/> on <c>asOf</c> and not blocked (a blocked task is listed once);
/// both split by the owner's side (<see cref="EngagementRoles.IsClientRole"/>);
/// coming up = open, not blocked, not overdue, starting before the next meeting;
/// metrics = values measured in the window; risks and issues = open ones, most severe first;
/// decisions due = open decisions due before the next meeting (late ones included).
/// A recruiter's check-in covers only the tasks and entries owned by the people in <c>scope</c>.
/// </summary>
public static class CheckInAgendas
{
    /// <param name="asOf">The day overdue is judged on: the meeting day, or today when the meeting is still ahead.</param>
    /// <param name="scope">Owners whose work the agenda covers; null for the whole engagement.</param>
    public static CheckInAgenda Draft(
        CheckInSeries series, DateOnly date, DateOnly asOf, IReadOnlySet<int>? scope,
        IEnumerable<AgendaTask> tasks, IEnumerable<AgendaMeasurement> measurements, IEnumerable<AgendaLogEntry> log)
    {
        var since = series.PreviousBefore(date) ?? date.AddDays(-7 * series.IntervalWeeks);
        var next = series.NextOnOrAfter(date.AddDays(1));
        bool InScope(int? ownerId) => scope is null || (ownerId is { } id && scope.Contains(id));
        var ours = tasks.Where(t => InScope(t.OwnerId)).ToList();
        static AgendaTaskItem Item(AgendaTask t, string? note = null) => new(t.Id, t.Title, t.OwnerName, t.Due, note);
        static List<AgendaTaskItem> ByDue(IEnumerable<AgendaTask> list, Func<AgendaTask, string?>? note = null) =>
            list.OrderBy(t => t.Due).ThenBy(t => t.Title, StringComparer.Ordinal).Select(t => Item(t, note?.Invoke(t))).ToList();

        var done = ours.Where(t => t.Status == PlanTaskStatus.Done && t.CompletedOn is { } on && on > since && on <= date);
        var blocked = ours.Where(t => t.Status == PlanTaskStatus.Blocked).ToList();
        var overdue = ours.Where(t => t.Status != PlanTaskStatus.Blocked && Overdue.Is(t.Status, t.Due, asOf)).ToList();
        var comingUp = ours.Where(t => t.Status is (PlanTaskStatus.ToDo or PlanTaskStatus.InProgress) && t.Due >= asOf && t.Start < next);

        var moves = measurements
            .Where(m => m.MeasuredOn > since && m.MeasuredOn <= date)
            .OrderBy(m => m.Metric, StringComparer.Ordinal).ThenBy(m => m.MeasuredOn)
            .Select(m => new AgendaMetricItem(m.Metric, m.Unit, m.MeasuredOn, m.Value, m.Previous, m.HigherIsBetter))
            .ToList();

        var open = log.Where(e => e.Status == LogEntryStatus.Open && InScopeEntry(e, scope)).ToList();
        var risks = open.Where(e => e.Kind is LogEntryKind.Risk or LogEntryKind.Issue)
            .OrderByDescending(e => e.Severity).ThenBy(e => e.Kind).ThenBy(e => e.Title, StringComparer.Ordinal)
            .Select(LogItem).ToList();
        var decisions = open.Where(e => e.Kind == LogEntryKind.Decision && e.Due is { } due && due < next)
            .OrderBy(e => e.Due).ThenBy(e => e.Title, StringComparer.Ordinal)
            .Select(LogItem).ToList();

        return new CheckInAgenda(
            date, since, next,
            ByDue(done),
            ByDue(blocked.Where(t => t.OwnerRole.IsClientRole()), t => t.BlockedReason),
            ByDue(blocked.Where(t => !t.OwnerRole.IsClientRole()), t => t.BlockedReason),
            ByDue(overdue.Where(t => t.OwnerRole.IsClientRole())),
            ByDue(overdue.Where(t => !t.OwnerRole.IsClientRole())),
            ByDue(comingUp),
            moves, risks, decisions);
    }

    /// <summary>Whose work a series' agenda covers: a recruiter and the hiring managers they work with; null for the whole engagement.</summary>
    public static IReadOnlySet<int>? Scope(CheckInSeries series, IEnumerable<AssignedPair> pairs) =>
        series is { Kind: CheckInKind.Recruiter, RecruiterMemberId: { } recruiter }
            ? pairs.Where(p => p.RecruiterId == recruiter).Select(p => p.HiringManagerId).Append(recruiter).ToHashSet()
            : null;

    // An entry nobody owns yet belongs to the whole engagement, so a recruiter's check-in leaves it to the engagement's.
    private static bool InScopeEntry(AgendaLogEntry entry, IReadOnlySet<int>? scope) =>
        scope is null || (entry.OwnerId is { } id && scope.Contains(id));

    private static AgendaLogItem LogItem(AgendaLogEntry e) => new(e.Id, e.Kind, e.Title, e.Severity, e.Due, e.OwnerName);
}
