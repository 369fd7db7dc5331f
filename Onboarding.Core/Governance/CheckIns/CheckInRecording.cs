using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Governance.CheckIns;

/// <summary>What a participant records for one meeting: the notes as they now stand, and decisions and action items to add.</summary>
public sealed record CheckInRecord(string Notes, IReadOnlyList<string> Decisions, IReadOnlyList<TaskToAdd> Actions);

/// <summary>The saved meeting, or (when <see cref="Stale"/> is set) nothing saved because someone else saved first.</summary>
public sealed record CheckInRecorded(CheckInMeeting Meeting, IReadOnlyList<PlanTask> NewTasks, string? Stale = null);

/// <summary>
/// Records a meeting. Notes replace the previous notes (the form shows them, and a save from an older version is
/// refused); decisions and action items are only ever added, so a second save never loses the first's. A decision
/// is a log entry closed at once with the decision as its resolution; an action item is a plan task.
/// Added to the context, not saved.
/// </summary>
public static class CheckInRecording
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<CheckInRecorded> RecordAsync(
        OnboardingDbContext db, CheckInSeries series, DateOnly date, CheckInAgenda agenda, CheckInRecord record,
        int? formVersion, string by, string timeZone, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var meeting = await db.CheckInMeetings.Include(m => m.Decisions).Include(m => m.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.SeriesId == series.Id && m.Date == date, cancellationToken);
        if (meeting is null)
        {
            // The agenda is kept as drafted when the meeting is first recorded, so a past check-in reads as it was.
            meeting = new CheckInMeeting
            {
                SeriesId = series.Id,
                EngagementId = series.EngagementId,
                Date = date,
                AgendaJson = JsonSerializer.Serialize(agenda, Json),
                RecordedAt = now,
                RecordedBy = by,
            };
            db.CheckInMeetings.Add(meeting);
        }
        else if (meeting.StaleEdit(formVersion ?? -1, "this check-in's record", timeZone) is { } stale)
        {
            return new CheckInRecorded(meeting, [], stale);
        }

        meeting.Notes = record.Notes;
        meeting.ChangedNowBy(by, now);
        foreach (var text in record.Decisions)
        {
            var entry = LogEntries.Open(
                series.EngagementId, LogEntryKind.Decision, TextLimits.Fit(text, TextLimits.Title), LogSeverity.Low, LogSide.Provider,
                null, date, "", series.ProviderOnly, by, now);
            entry.Status = LogEntryStatus.Closed;
            entry.Resolution = text;
            entry.ClosedAt = now;
            entry.Steps.Add(new LogEntryStep { Kind = LogStepKind.Closed, At = now, By = by, Text = $"Decided at {series.Title} on {date:ddd d MMM yyyy}" });
            meeting.Decisions.Add(new CheckInDecision { LogEntry = entry });
        }
        var tasks = new List<PlanTask>();
        foreach (var action in record.Actions)
        {
            var task = await AddedTasks.AddAsync(db, series.EngagementId, action, cancellationToken);
            meeting.Actions.Add(new CheckInAction { Task = task });
            tasks.Add(task);
        }
        return new CheckInRecorded(meeting, tasks);
    }

    /// <summary>The agenda a recorded meeting kept; null for a meeting not recorded yet.</summary>
    public static CheckInAgenda? KeptAgenda(CheckInMeeting? meeting) =>
        meeting is { AgendaJson.Length: > 0 } ? JsonSerializer.Deserialize<CheckInAgenda>(meeting.AgendaJson, Json) : null;
}
