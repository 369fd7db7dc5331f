using Onboarding.Core.Engagements;

namespace Onboarding.Core.Governance.CheckIns;

public enum CheckInKind
{
    /// <summary>The engagement's own check-in: account leaders, the TA lead and the recruiters.</summary>
    Engagement,

    /// <summary>A recruiter with their lead (the account leader); provider staff only.</summary>
    Recruiter,
}

/// <summary>
/// A recurring check-in: every <see cref="IntervalWeeks"/> weeks on <see cref="Weekday"/> at <see cref="LocalTime"/> in
/// the engagement's zone, from <see cref="StartsOn"/>. Meetings are the dates of the series; a meeting gets a
/// <see cref="CheckInMeeting"/> row only once someone records it, so changing the day never loses a record.
/// </summary>
public sealed class CheckInSeries : IVersioned
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    public CheckInKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>For <see cref="CheckInKind.Recruiter"/>: whose check-in it is; the agenda covers their work.</summary>
    public int? RecruiterMemberId { get; set; }
    public Member? Recruiter { get; set; }

    public DayOfWeek Weekday { get; set; }
    public TimeOnly LocalTime { get; set; }
    public int DurationMinutes { get; set; }
    public int IntervalWeeks { get; set; } = 1;

    /// <summary>The first meeting, always on <see cref="Weekday"/>; the interval counts from it.</summary>
    public DateOnly StartsOn { get; set; }

    public List<CheckInParticipant> Participants { get; set; } = [];
    public List<CheckInMeeting> Meetings { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Recruiter check-ins are between provider staff; client stakeholders neither see nor join them.</summary>
    public bool ProviderOnly => Kind == CheckInKind.Recruiter;

    public bool Includes(int memberId) => Participants.Any(p => p.MemberId == memberId);

    /// <summary>
    /// Who reads a series and its meetings: every member the engagement's check-in (its notes are the engagement's
    /// news), only leaders and participants a recruiter's. Leaders and participants record meetings.
    /// </summary>
    public bool MayRead(int? memberId, bool isLeader) => isLeader || !ProviderOnly || (memberId is { } id && Includes(id));

    public bool MayRecord(int? memberId, bool isLeader) => isLeader || (memberId is { } id && Includes(id));

    /// <summary>Whether a meeting of the series falls on <paramref name="date"/>.</summary>
    public bool MeetsOn(DateOnly date) =>
        date >= StartsOn && date.DayOfWeek == Weekday && (date.DayNumber - StartsOn.DayNumber) / 7 % IntervalWeeks == 0;

    /// <summary>The first meeting on or after <paramref name="date"/>.</summary>
    public DateOnly NextOnOrAfter(DateOnly date)
    {
        if (date <= StartsOn)
        {
            return StartsOn;
        }
        var step = 7 * IntervalWeeks;
        var steps = (date.DayNumber - StartsOn.DayNumber + step - 1) / step;
        return StartsOn.AddDays(steps * step);
    }

    /// <summary>The meeting before <paramref name="date"/>, or null when the series had not started.</summary>
    public DateOnly? PreviousBefore(DateOnly date)
    {
        if (date <= StartsOn)
        {
            return null;
        }
        var step = 7 * IntervalWeeks;
        var steps = (date.DayNumber - StartsOn.DayNumber - 1) / step;
        return StartsOn.AddDays(steps * step);
    }

    /// <summary>The first <paramref name="weekday"/> on or after <paramref name="date"/>.</summary>
    public static DateOnly FirstOn(DayOfWeek weekday, DateOnly date) => date.AddDays(((int)weekday - (int)date.DayOfWeek + 7) % 7);
}

/// <summary>A member who attends a series; the series is on their calendar feed and its notes in their digest.</summary>
public sealed class CheckInParticipant
{
    public int SeriesId { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
}

/// <summary>
/// One held meeting of a series, recorded by a participant: notes, the agenda as it was drafted when the notes were
/// first saved (so a past check-in reads as it was), and what it decided and who does what next.
/// </summary>
public sealed class CheckInMeeting : IVersioned
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public CheckInSeries? Series { get; set; }
    public int EngagementId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Markdown.</summary>
    public string Notes { get; set; } = "";

    /// <summary>The drafted agenda at the first save, as JSON of <see cref="CheckInAgenda"/>.</summary>
    public string AgendaJson { get; set; } = "";

    /// <summary>When the meeting was first recorded: participants' next digests carry it once from here.</summary>
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }

    public List<CheckInDecision> Decisions { get; set; } = [];
    public List<CheckInAction> Actions { get; set; } = [];

    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
}

/// <summary>A decision made in a meeting: a closed decision entry of the log, its resolution what was decided.</summary>
public sealed class CheckInDecision
{
    public int MeetingId { get; set; }
    public int LogEntryId { get; set; }
    public LogEntry? LogEntry { get; set; }
}

/// <summary>An action item of a meeting: a plan task with an owner, a due date and a what and why.</summary>
public sealed class CheckInAction
{
    public int MeetingId { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
}
