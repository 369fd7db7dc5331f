using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Core.People;
using Onboarding.Core.Plans;
using Onboarding.Core.Text;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.CheckIns;

/// <summary>
/// The engagement's recurring check-ins: the list with each one's next and past meetings, the leader's settings,
/// and a meeting's page (its drafted agenda, then notes, decisions and action items recorded by a participant).
/// </summary>
[Route("/engagements/{engagementId:int}/check-ins")]
public sealed class CheckInsController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    private const string NoSuchCheckIn = "There is no such check-in in this engagement.";

    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId)
    {
        var access = HttpContext.EngagementAccess();
        var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
        var today = clock.TodayIn(engagement.TimeZone);
        var series = await db.CheckInSeries.AsNoTracking()
            .Include(s => s.Participants).ThenInclude(p => p.Member)
            .Include(s => s.Meetings)
            .AsSplitQuery()
            .Where(s => s.EngagementId == engagementId)
            .OrderBy(s => s.Kind).ThenBy(s => s.Title)
            .ToListAsync();
        var visible = series.Where(s => s.MayRead(access.Member?.Id, access.IsLeader))
            .Select(s => new SeriesRow(s, s.NextOnOrAfter(today), s.Meetings.OrderByDescending(m => m.Date).Select(m => m.Date).ToList()))
            .ToList();
        return View(new CheckInsViewModel(engagementId, engagement.Name, engagement.TimeZone, visible, access.IsLeader));
    }

    /// <summary>Engagements launched before check-ins, and recruiters who joined later, get the usual series on request.</summary>
    [HttpPost("usual")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> AddUsual(int engagementId)
    {
        var engagement = await db.Engagements.Include(e => e.Members).Include(e => e.CheckIns).AsSplitQuery().FirstAsync(e => e.Id == engagementId);
        var now = clock.GetUtcNow();
        var added = CheckInDefaults.Add(engagement, now);
        if (added > 0)
        {
            db.RecordActivity(User, engagementId, $"Added {Words.Count(added, "usual check-in")}", now);
            await db.SaveChangesAsync();
        }
        TempData["Notice"] = added == 0
            ? "Every usual check-in is already there: the weekly one, and one for each recruiter with their lead."
            : $"Added {Words.Count(added, "check-in")}; change day, time or people below.";
        return Redirect($"/engagements/{engagementId}/check-ins");
    }

    [HttpGet("{seriesId:int}/edit")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Edit(int engagementId, int seriesId)
    {
        var series = await FindSeriesAsync(engagementId, seriesId, tracked: false);
        return series is null ? NotFound(NoSuchCheckIn) : View(await BuildEditAsync(engagementId, series, SeriesForm.From(series)));
    }

    /// <summary>
    /// The edit page's "When everyone is working" panel for the participants, day, time and length as they stand in
    /// the form, unsaved: the page's script shows it as they change. Values that do not read get the form's messages.
    /// </summary>
    [HttpGet("{seriesId:int}/common-hours")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> CommonHoursPanel(int engagementId, int seriesId, [FromQuery] SeriesForm form)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest("Participants are given by their member number, e.g. ParticipantIds=12.");
        }
        var series = await FindSeriesAsync(engagementId, seriesId, tracked: false);
        if (series is null)
        {
            return NotFound(NoSuchCheckIn);
        }
        var (weekday, time, minutes) = form.ReadWhen(ModelState);
        if (!ModelState.IsValid)
        {
            return UnprocessableEntity(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }
        var members = await ChoicesAsync(engagementId, series);
        var unknown = form.ParticipantIds.Except(members.Select(m => m.Id)).ToList();
        if (unknown.Count > 0)
        {
            return UnprocessableEntity($"Member {unknown[0]} is not someone who can attend this check-in.");
        }
        var zone = await db.Engagements.AsNoTracking().Where(e => e.Id == engagementId).Select(e => e.TimeZone).FirstAsync();
        return PartialView("_CommonHoursPanel", await FitAsync(zone, members.Select(m => m.Id).Intersect(form.ParticipantIds).ToList(), weekday, time, minutes));
    }

    [HttpPost("{seriesId:int}")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    [OpenEngagementOnly]
    public async Task<IActionResult> Save(int engagementId, int seriesId, SeriesForm form)
    {
        ModelState.Clear();
        var series = await FindSeriesAsync(engagementId, seriesId, tracked: true);
        if (series is null)
        {
            return NotFound(NoSuchCheckIn);
        }
        var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
        if (series.StaleEdit(form.Version ?? -1, "this check-in", User.TimeZone()) is { } stale)
        {
            ModelState.AddModelError("", stale);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", await BuildEditAsync(engagementId, series, SeriesForm.From(series)));
        }
        var members = await db.Members.AsNoTracking().Where(m => m.EngagementId == engagementId).ToListAsync();
        if (!form.TryApply(series, members, clock.TodayIn(engagement.TimeZone), ModelState))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await BuildEditAsync(engagementId, series, form));
        }
        var now = clock.GetUtcNow();
        series.ChangedNowBy(User.DisplayName(), now);
        db.RecordActivity(User, engagementId, $"Changed the check-in “{series.Title}”: {Schedule(series)}", now);
        if (!await db.TrySaveAsync())
        {
            var current = await FindSeriesAsync(engagementId, seriesId, tracked: false);
            ModelState.AddModelError("", Versioned.ChangedSince(current!, "this check-in", User.TimeZone()));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", await BuildEditAsync(engagementId, current!, SeriesForm.From(current!)));
        }
        TempData["Notice"] = $"“{series.Title}” now meets {Schedule(series)}.";
        return Redirect($"/engagements/{engagementId}/check-ins");
    }

    [HttpGet("{seriesId:int}/{date}")]
    public async Task<IActionResult> Meeting(int engagementId, int seriesId, string date)
    {
        var (page, problem) = await LoadMeetingAsync(engagementId, seriesId, date);
        if (problem is not null)
        {
            return problem;
        }
        var form = page!.Meeting is { } meeting ? new MeetingForm { Notes = meeting.Notes, Version = meeting.Version } : new MeetingForm();
        return View(page with { Form = form.Padded() });
    }

    [HttpPost("{seriesId:int}/{date}")]
    [OpenEngagementOnly]
    public async Task<IActionResult> Record(int engagementId, int seriesId, string date, MeetingForm form)
    {
        ModelState.Clear();
        var (page, problem) = await LoadMeetingAsync(engagementId, seriesId, date);
        if (problem is not null)
        {
            return problem;
        }
        if (!page!.CanRecord)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        MarkdownInputAttribute.Validate(form, ModelState);
        var engagement = page.Engagement;
        var members = await db.Members.AsNoTracking().Where(m => m.EngagementId == engagementId).ToListAsync();
        var phases = await AddedTasks.PhasesAsync(db, engagementId);
        var record = form.TryRead(phases, members, PlanWriter.Calendar(engagement), page.Date, clock.TodayIn(engagement.TimeZone), ModelState);
        if (record is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Meeting", page with { Form = form.Padded() });
        }

        var series = await db.CheckInSeries.FirstAsync(s => s.Id == seriesId);
        var now = clock.GetUtcNow();
        var recorded = await CheckInRecording.RecordAsync(db, series, page.Date, page.Agenda, record, form.Version, User.DisplayName(), User.TimeZone(), now);
        if (recorded.Stale is { } stale)
        {
            return await RefusedAsync(engagementId, seriesId, date, form, stale);
        }
        db.RecordActivity(User, engagementId, $"Recorded the check-in “{series.Title}” of {page.Date:ddd d MMM yyyy}{Counts(record)}", now);
        if (!await db.TrySaveAsync())
        {
            db.ChangeTracker.Clear();
            var current = await db.CheckInMeetings.AsNoTracking().FirstAsync(m => m.SeriesId == seriesId && m.Date == page.Date);
            return await RefusedAsync(engagementId, seriesId, date, form, Versioned.ChangedSince(current, "this check-in's record", User.TimeZone()));
        }
        TempData["Notice"] = recorded.NewTasks.Count == 0
            ? "The check-in is recorded."
            : $"The check-in is recorded; {recorded.NewTasks.Count} action {(recorded.NewTasks.Count == 1 ? "item is" : "items are")} in the plan.";
        return Redirect($"/engagements/{engagementId}/check-ins/{seriesId}/{page.Date:yyyy-MM-dd}");
    }

    /// <summary>Someone saved first: their record is shown, and what this person typed stays in the form to add again.</summary>
    private async Task<IActionResult> RefusedAsync(int engagementId, int seriesId, string date, MeetingForm form, string message)
    {
        db.ChangeTracker.Clear();
        var (page, _) = await LoadMeetingAsync(engagementId, seriesId, date);
        ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status409Conflict;
        form.Version = page!.Meeting?.Version;
        return View("Meeting", page with { Form = form.Padded() });
    }

    private static string Counts(CheckInRecord record) =>
        (record.Decisions.Count, record.Actions.Count) switch
        {
            (0, 0) => "",
            (var d, var a) => $": {d} {(d == 1 ? "decision" : "decisions")}, {a} action {(a == 1 ? "item" : "items")}",
        };

    private async Task<(MeetingViewModel? Page, IActionResult? Problem)> LoadMeetingAsync(int engagementId, int seriesId, string date)
    {
        var access = HttpContext.EngagementAccess();
        var series = await FindSeriesAsync(engagementId, seriesId, tracked: false);
        if (series is null || !series.MayRead(access.Member?.Id, access.IsLeader))
        {
            return (null, NotFound(NoSuchCheckIn));
        }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (null, NotFound($"'{TextLimits.Fit(date, 40)}' is not a date; a check-in's address ends in its day as YYYY-MM-DD."));
        }
        var meeting = await db.CheckInMeetings.AsNoTracking()
            .Include(m => m.Decisions).ThenInclude(d => d.LogEntry)
            .Include(m => m.Actions).ThenInclude(a => a.Task).ThenInclude(t => t!.Owner)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.SeriesId == seriesId && m.Date == day);
        // A meeting recorded before the series moved keeps its page; otherwise the day must be one the series meets on.
        if (meeting is null && !series.MeetsOn(day))
        {
            return (null, NotFound($"“{series.Title}” does not meet on {day:dddd d MMM yyyy}; it meets {Schedule(series)}."));
        }
        var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
        var today = clock.TodayIn(engagement.TimeZone);
        var agenda = CheckInRecording.KeptAgenda(meeting) ?? await AgendaSources.DraftAsync(db, engagement, series, day, today);
        var members = await db.Members.AsNoTracking().Where(m => m.EngagementId == engagementId).OrderBy(m => m.Name).ToListAsync();
        var past = await db.CheckInMeetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderByDescending(m => m.Date).Select(m => m.Date).ToListAsync();
        return (new MeetingViewModel(
            engagement, series, day, agenda, meeting is null, meeting, members, past,
            series.PreviousBefore(day), series.NextOnOrAfter(day.AddDays(1)),
            series.MayRecord(access.Member?.Id, access.IsLeader) && engagement.Status == EngagementStatus.Active,
            new MeetingForm()), null);
    }

    private async Task<CheckInSeries?> FindSeriesAsync(int engagementId, int seriesId, bool tracked)
    {
        var query = db.CheckInSeries.Include(s => s.Participants).ThenInclude(p => p.Member).Where(s => s.Id == seriesId && s.EngagementId == engagementId);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync();
    }

    private async Task<SeriesEditViewModel> BuildEditAsync(int engagementId, CheckInSeries series, SeriesForm form)
    {
        var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
        var members = await ChoicesAsync(engagementId, series);
        // The form's own values count where they read, so a page shown again with a mistake still answers for what was typed.
        var typed = new ModelStateDictionary();
        var (weekday, time, minutes) = form.ReadWhen(typed);
        bool Reads(string field) => typed.GetFieldValidationState(field) != ModelValidationState.Invalid;
        var fit = await FitAsync(engagement.TimeZone, members.Select(m => m.Id).Intersect(form.ParticipantIds).ToList(),
            Reads(nameof(form.Weekday)) ? weekday : series.Weekday,
            Reads(nameof(form.Time)) ? time : series.LocalTime,
            Reads(nameof(form.DurationMinutes)) ? minutes : series.DurationMinutes);
        return new SeriesEditViewModel(engagementId, engagement.Name, engagement.TimeZone, series, form, members, fit);
    }

    /// <summary>Who may be chosen: everyone, or provider staff for a recruiter's check-in.</summary>
    private Task<List<Member>> ChoicesAsync(int engagementId, CheckInSeries series) =>
        db.Members.AsNoTracking().Include(m => m.Person).Where(m => m.EngagementId == engagementId)
            .Where(m => !series.ProviderOnly || m.Role == EngagementRole.AccountLeader || m.Role == EngagementRole.Recruiter)
            .OrderBy(m => m.Name).ToListAsync();

    /// <summary>
    /// When the chosen participants (choices of the check-in, in the choices' order) are all working in the coming week, and
    /// whether the next meeting on <paramref name="weekday"/> at <paramref name="time"/> falls inside everyone's
    /// working day, their locations' holidays included.
    /// </summary>
    private async Task<MeetingFit> FitAsync(string zoneId, IReadOnlyCollection<int> participantIds, DayOfWeek weekday, TimeOnly time, int minutes)
    {
        var today = clock.TodayIn(zoneId);
        // A day either side: a participant's date can differ from the engagement's.
        var clocks = await MemberClocks.LoadAsync(db, participantIds, today.AddDays(-1), today.AddDays(8));
        var chosen = participantIds.Select(id => clocks[id]).ToList();
        var next = CheckInSeries.FirstOn(weekday, today);
        var start = Zones.InstantAt(next, time, zoneId);
        return new MeetingFit(CommonHours.Week(chosen, today, zoneId), next, time, start, CommonHours.NotWorking(chosen, start, start.AddMinutes(minutes)));
    }

    /// <summary>"every Tuesday at 10:00 (Europe/London), 30 minutes"</summary>
    public static string Schedule(CheckInSeries series) =>
        string.Create(CultureInfo.InvariantCulture, $"{(series.IntervalWeeks == 1 ? "every" : $"every {series.IntervalWeeks} weeks on")} {series.Weekday} at {series.LocalTime:HH:mm}, {series.DurationMinutes} minutes");
}

public sealed record SeriesRow(CheckInSeries Series, DateOnly Next, IReadOnlyList<DateOnly> Recorded);

public sealed record CheckInsViewModel(int EngagementId, string EngagementName, string TimeZone, IReadOnlyList<SeriesRow> Series, bool IsLeader);

public sealed record SeriesEditViewModel(int EngagementId, string EngagementName, string TimeZone, CheckInSeries Series, SeriesForm Form, IReadOnlyList<Member> Members, MeetingFit Fit);

/// <param name="Week">When all participants are working in the coming seven days.</param>
/// <param name="NotWorking">Who the meeting on <paramref name="Next"/> at <paramref name="Time"/> falls outside the working day of.</param>
public sealed record MeetingFit(CommonWeek Week, DateOnly Next, TimeOnly Time, DateTimeOffset Start, IReadOnlyList<WorkingClock> NotWorking)
{
    /// <summary>"Marek (Independence Day in Warsaw, Poland)" when the meeting falls on their day off, else "Marek (Europe/Warsaw)".</summary>
    public string Away(WorkingClock person) => $"{person.Name} ({person.DayOffAt(Start) ?? person.TimeZone})";
}

/// <param name="IsDrafted">The agenda is drafted now from the plan; false when it is the one kept at the first recording.</param>
public sealed record MeetingViewModel(
    Engagement Engagement, CheckInSeries Series, DateOnly Date, CheckInAgenda Agenda, bool IsDrafted, CheckInMeeting? Meeting,
    IReadOnlyList<Member> Members, IReadOnlyList<DateOnly> Recorded, DateOnly? Previous, DateOnly Next, bool CanRecord, MeetingForm Form);
