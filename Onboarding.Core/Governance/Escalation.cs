using System.Linq.Expressions;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Time;

namespace Onboarding.Core.Governance;

/// <summary>
/// When an issue climbs its engagement's escalation ladder. Only open issues escalate (a risk has not happened, a
/// decision is not a problem); an issue is pressing when it is at high or critical severity, or past its due date.
/// A pressing issue climbs one rung once it has been pressing at its current level for the engagement's number of
/// working days, counted in the engagement's calendar and zone: from <see cref="LogEntry.EscalationClock"/> (when it
/// was opened or last climbed) or, for an issue that is pressing only because it is overdue, from its due date if
/// that is later, so the days an issue spends on time never count against it.
/// </summary>
public static class Escalation
{
    /// <summary>Open issues that may be pressing on some day: the escalation job's scan, for queries.</summary>
    /// <remarks>Severities are stored as text, so the query names them rather than comparing.</remarks>
    public static Expression<Func<LogEntry, bool>> Candidates { get; } = e =>
        e.Kind == LogEntryKind.Issue && e.Status == LogEntryStatus.Open && (e.Severity == LogSeverity.High || e.Severity == LogSeverity.Critical || e.Due != null);

    /// <summary>Open escalations: open issues that have climbed at least one rung (the portfolio's count).</summary>
    public static Expression<Func<LogEntry, bool>> OpenEscalated { get; } = e => e.Status == LogEntryStatus.Open && e.EscalationLevel > 0;

    public static bool IsPressing(LogEntryKind kind, LogEntryStatus status, LogSeverity severity, DateOnly? due, DateOnly today) =>
        kind == LogEntryKind.Issue && status == LogEntryStatus.Open && (severity >= LogSeverity.High || (due is { } d && d < today));

    /// <summary>
    /// True when the issue should climb a rung at <paramref name="now"/>. <paramref name="zone"/> is the engagement's
    /// time zone: a working day is a day of its calendar, whatever day it is in UTC.
    /// </summary>
    public static bool IsDue(LogEntry entry, DateTimeOffset now, string zone, BusinessCalendar calendar, int afterWorkingDays)
    {
        var today = Zones.DateIn(now, zone);
        if (!IsPressing(entry.Kind, entry.Status, entry.Severity, entry.Due, today))
        {
            return false;
        }
        var from = Zones.DateIn(entry.EscalationClock, zone);
        // Overdue only: the clock starts on the due date, the last day it was still on time.
        if (entry.Severity < LogSeverity.High && entry.Due is { } due && due > from)
        {
            from = due;
        }
        return calendar.WorkingDaysBetween(from, today) >= Math.Max(1, afterWorkingDays);
    }

    /// <summary>
    /// The rung above <paramref name="currentLevel"/> that someone holds, with the members holding it; null at the
    /// top of the ladder. A rung nobody holds (no executive sponsor named yet) is passed over rather than letting the
    /// issue stall there. <paramref name="ladder"/> is the engagement's rungs, or <see cref="EscalationLadder.Default"/>
    /// when it has none (engagements launched before ladders existed).
    /// </summary>
    public static (int Level, EngagementRole Role, IReadOnlyList<int> MemberIds)? NextRung(
        int currentLevel, IReadOnlyList<EngagementRole> ladder, IEnumerable<(int MemberId, EngagementRole Role)> members)
    {
        var holders = members.ToLookup(m => m.Role, m => m.MemberId);
        for (var level = currentLevel + 1; level <= ladder.Count; level++)
        {
            var role = ladder[level - 1];
            if (holders[role].Any())
            {
                return (level, role, holders[role].Order().ToList());
            }
        }
        return null;
    }

    /// <summary>
    /// Climbs one rung: the new level, a fresh clock, and one Escalated step per person reached (each told once,
    /// in their next digest or at once by mail when critical).
    /// </summary>
    public static void Climb(LogEntry entry, int level, EngagementRole role, IReadOnlyList<(int MemberId, string Name)> reached, DateTimeOffset now, int afterWorkingDays)
    {
        var why = entry.Severity >= LogSeverity.High
            ? $"{entry.Severity.ToString().ToLowerInvariant()} severity"
            : $"past its due date {entry.Due:d MMM yyyy}";
        entry.EscalationLevel = level;
        entry.EscalationClock = now;
        foreach (var (memberId, name) in reached)
        {
            entry.Steps.Add(new LogEntryStep
            {
                Kind = LogStepKind.Escalated,
                At = now,
                Text = $"Escalated to level {level} ({role.DisplayName()}): {name}; open at {why} for {afterWorkingDays} working day{(afterWorkingDays == 1 ? "" : "s")}",
                ToMemberId = memberId,
            });
        }
    }
}
