using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Holidays;

/// <summary>
/// One location's public holidays: everyone reads them and their record; the account leader adds or removes a day.
/// An edit that would move plan dates is shown first (every task, old and new dates) and applied only when confirmed.
/// </summary>
[Route("/engagements/{engagementId:int}/locations/{locationId:int}/holidays")]
public sealed class HolidaysController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId, int locationId)
    {
        var page = await LoadAsync(engagementId, locationId);
        return page is null ? NotFound() : View(Page(page, new HolidayForm(), null));
    }

    [HttpPost("")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Add(int engagementId, int locationId, HolidayForm form, bool confirmed) =>
        await EditAsync(engagementId, locationId, form, confirmed, (loaded, out problem) =>
            HolidayEdits.ReadAddition(form.Date, form.Name, loaded.Location, loaded.Engagement.Kickoff, out problem));

    [HttpPost("remove")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Remove(int engagementId, int locationId, HolidayForm form, bool confirmed) =>
        await EditAsync(engagementId, locationId, new HolidayForm(), confirmed, (loaded, out problem) =>
        {
            var day = DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
            var holiday = loaded.Location.Holidays.FirstOrDefault(h => h.Date == day);
            // Two leaders removing the same day: the second finds it gone.
            problem = holiday is null ? $"{TextLimits.Fit(form.Date ?? "That day", 40)} is not a holiday of {loaded.Location.DisplayName} (any more): the list below is current." : null;
            return holiday is null ? null : new HolidayEdit(HolidayChangeKind.Removed, holiday.Date, holiday.Name);
        });

    private delegate HolidayEdit? EditReader(Loaded loaded, out string? problem);

    private async Task<IActionResult> EditAsync(int engagementId, int locationId, HolidayForm form, bool confirmed, EditReader read)
    {
        ModelState.Clear();
        var loaded = await LoadAsync(engagementId, locationId, withPlan: true);
        if (loaded is null)
        {
            return NotFound();
        }
        var edit = read(loaded, out var problem);
        if (edit is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", Page(loaded, form, problem));
        }
        var moves = HolidayEdits.Preview(loaded.Engagement, loaded.Tasks, loaded.Location, edit);
        if (moves.Count > 0 && !confirmed)
        {
            return View("Preview", new HolidayPreviewModel(engagementId, loaded.Engagement.Name, loaded.Location, edit, moves));
        }
        var now = clock.GetUtcNow();
        HolidayEdits.Apply(loaded.Engagement, loaded.Location, edit, moves, loaded.Milestones, User.DisplayName(), now);
        var what = $"{loaded.Location.DisplayName}: {(edit.Kind == HolidayChangeKind.Added ? "added the holiday" : "removed the holiday")} {edit.Date:yyyy-MM-dd} {edit.Name}";
        db.RecordActivity(User, engagementId, $"{what}; {moves.Count} task{(moves.Count == 1 ? "" : "s")} moved", now);
        if (!await db.TrySaveAsync())
        {
            // Someone else changed the same day or one of the moved tasks meanwhile: show what is there now.
            var current = await LoadAsync(engagementId, locationId);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return current is null
                ? NotFound()
                : View("Index", Page(current, form, $"Someone else changed {current.Location.DisplayName}'s calendar or the plan at the same time; nothing was saved. The list below is current: check it and try again."));
        }
        TempData["Notice"] = $"{what}; {moves.Count} task{(moves.Count == 1 ? "" : "s")} moved.";
        return Redirect($"/engagements/{engagementId}/locations/{locationId}/holidays");
    }

    private sealed record Loaded(Engagement Engagement, HiringLocation Location, IReadOnlyList<PlanTask> Tasks, IReadOnlyList<Milestone> Milestones);

    private async Task<Loaded?> LoadAsync(int engagementId, int locationId, bool withPlan = false)
    {
        var location = await db.HiringLocations
            .Include(l => l.Holidays).Include(l => l.HolidayChanges)
            .FirstOrDefaultAsync(l => l.Id == locationId && l.EngagementId == engagementId);
        if (location is null)
        {
            return null;
        }
        var engagement = await db.Engagements.FirstAsync(e => e.Id == engagementId);
        if (!withPlan)
        {
            return new Loaded(engagement, location, [], []);
        }
        var tasks = await LocatedTasks.LoadAsync(db, engagementId);
        var milestones = await db.Milestones.Where(m => m.EngagementId == engagementId).ToListAsync();
        return new Loaded(engagement, location, tasks, milestones);
    }

    private HolidaysViewModel Page(Loaded loaded, HolidayForm form, string? problem) => new(
        loaded.Engagement.Id,
        loaded.Engagement.Name,
        loaded.Location,
        HolidayCatalog.PlanYears(loaded.Engagement.Kickoff),
        loaded.Location.Holidays.OrderBy(h => h.Date).ToList(),
        loaded.Location.HolidayChanges.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToList(),
        HolidayCatalog.Sources(loaded.Location.CountryCode, loaded.Location.Region),
        HolidayCatalog.Gaps(loaded.Location.CountryCode, loaded.Location.Region, HolidayCatalog.PlanYears(loaded.Engagement.Kickoff)),
        HttpContext.EngagementAccess() is { IsLeader: true, IsClosed: false },
        form,
        problem);
}

public sealed record HolidaysViewModel(
    int EngagementId, string EngagementName, HiringLocation Location, IReadOnlyList<int> Years, IReadOnlyList<LocationHoliday> Holidays,
    IReadOnlyList<HolidayChange> Changes, IReadOnlyList<string> Sources, IReadOnlyList<HolidayGap> Gaps, bool CanEdit, HolidayForm Form, string? Problem);

public sealed record HolidayPreviewModel(int EngagementId, string EngagementName, HiringLocation Location, HolidayEdit Edit, IReadOnlyList<TaskMove> Moves);

/// <summary>The add form as typed, so a mistake keeps what was entered.</summary>
public sealed class HolidayForm
{
    public string? Date { get; set; }
    public string? Name { get; set; }
}
