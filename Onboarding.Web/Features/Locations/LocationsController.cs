using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.Text;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Locations;

/// <summary>Where the client hires: the engagement's locations and who hires in or works from each. Everyone reads; the account leader keeps it.</summary>
[Route("/engagements/{engagementId:int}/locations")]
public sealed class LocationsController(OnboardingDbContext db, TimeProvider clock, ZoneCountries zones) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId) => View(await BuildPageAsync(engagementId, new LocationForm(), null));

    [HttpPost("")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Add(int engagementId, LocationForm form)
    {
        // Only our own reading counts; the binder's messages about a blank field would repeat ours less clearly.
        ModelState.Clear();
        var problems = new List<LocationDetails.Problem>();
        var details = LocationDetails.TryRead(form.AsInput(), "The new location", zones, problems);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
        if (details is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId, form, null));
        }
        var now = clock.GetUtcNow();
        var location = details.ToLocation(now);
        location.EngagementId = engagementId;
        HolidayCatalog.Prefill(location, await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Kickoff).FirstAsync());
        db.HiringLocations.Add(location);
        db.RecordActivity(User, engagementId, $"Added the hiring location {location.DisplayName}", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{location.DisplayName} was added. Link the people who hire in or work from it below.";
        return Redirect($"/engagements/{engagementId}/locations#location-{location.Id}");
    }

    [HttpPost("{locationId:int}/people")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> LinkPeople(int engagementId, int locationId, List<int>? memberIds, bool confirmed)
    {
        var location = await db.HiringLocations.Include(l => l.Members).Include(l => l.Holidays)
            .FirstOrDefaultAsync(l => l.Id == locationId && l.EngagementId == engagementId);
        if (location is null)
        {
            return NotFound();
        }
        var wanted = (memberIds ?? []).ToHashSet();
        var chosen = await db.Members.Where(m => m.EngagementId == engagementId && wanted.Contains(m.Id)).ToListAsync();
        var added = chosen.Where(m => !location.Members.Contains(m)).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        var removed = location.Members.Where(m => !wanted.Contains(m.Id)).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        var changes = new List<string>();
        if (added.Count > 0) { changes.Add($"linked {Words.List(added.Select(m => m.Name))}"); }
        if (removed.Count > 0) { changes.Add($"unlinked {Words.List(removed.Select(m => m.Name))}"); }
        if (changes.Count == 0)
        {
            TempData["Notice"] = $"Nothing changed for {location.DisplayName}.";
            return Redirect($"/engagements/{engagementId}/locations#location-{location.Id}");
        }
        // Their tasks go onto the days their locations share: every move is shown before it is made.
        var engagement = await db.Engagements.FirstAsync(e => e.Id == engagementId);
        var tasks = await LocatedTasks.LoadAsync(db, engagementId);
        var moves = LocationLinks.Preview(engagement, tasks, location, added, removed);
        var what = $"{location.DisplayName}: {string.Join("; ", changes)}";
        if (moves.Count > 0 && !confirmed)
        {
            return View("LinkPreview", new LinkPreviewModel(engagementId, engagement.Name, location, what, [.. wanted.Order()], moves));
        }
        location.Members.RemoveAll(removed.Contains);
        location.Members.AddRange(added);
        var milestones = await db.Milestones.Where(m => m.EngagementId == engagementId && m.TaskId != null && m.ReachedAt == null).ToListAsync();
        PlanReschedule.Apply(engagement, moves, milestones, RescheduleTarget.Task, engagement.Kickoff);
        var moved = moves.Count == 0 ? "" : $"; {Words.Count(moves.Count, "task")} moved";
        db.RecordActivity(User, engagementId, what + moved, clock.GetUtcNow());
        if (!await db.TrySaveAsync())
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Index", await BuildPageAsync(engagementId, new LocationForm(), $"Someone else changed {location.DisplayName} or the plan at the same time; nothing was saved. The page below is current: check it and try again."));
        }
        TempData["Notice"] = $"{what}{moved}.";
        return Redirect($"/engagements/{engagementId}/locations#location-{location.Id}");
    }

    [HttpPost("{locationId:int}/remove")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Remove(int engagementId, int locationId)
    {
        var location = await db.HiringLocations.Include(l => l.Members).FirstOrDefaultAsync(l => l.Id == locationId && l.EngagementId == engagementId);
        if (location is null)
        {
            return NotFound();
        }
        if (location.RemovalRefusal() is { } refusal)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Index", await BuildPageAsync(engagementId, new LocationForm(), refusal));
        }
        db.HiringLocations.Remove(location);
        var now = clock.GetUtcNow();
        db.RecordActivity(User, engagementId, $"Removed the hiring location {location.DisplayName}", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{location.DisplayName} was removed.";
        return Redirect($"/engagements/{engagementId}/locations");
    }

    private async Task<LocationsViewModel> BuildPageAsync(int engagementId, LocationForm form, string? refusal)
    {
        var name = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstAsync();
        var locations = await db.HiringLocations.AsNoTracking().Include(l => l.Members).Where(l => l.EngagementId == engagementId).OrderBy(l => l.Id).ToListAsync();
        var members = await db.Members.AsNoTracking().Where(m => m.EngagementId == engagementId).OrderBy(m => m.Role).ThenBy(m => m.Name).ToListAsync();
        return new LocationsViewModel(engagementId, name, locations, members, HttpContext.EngagementAccess(), form, refusal);
    }
}

/// <summary>A change of who works from a location that would move plan dates, shown before it is made.</summary>
public sealed record LinkPreviewModel(int EngagementId, string EngagementName, HiringLocation Location, string Change, IReadOnlyList<int> MemberIds, IReadOnlyList<TaskMove> Moves);

public sealed record LocationsViewModel(int EngagementId, string EngagementName, IReadOnlyList<HiringLocation> Locations, IReadOnlyList<Member> Members, EngagementAccess Access, LocationForm Form, string? Refusal)
{
    public bool CanEdit => Access.IsLeader && !Access.IsClosed;
}

/// <summary>The Locations page's add form, kept as typed so a mistake in one field loses nothing in another.</summary>
public sealed class LocationForm
{
    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public string? TimeZone { get; set; }
    public List<DayOfWeek> WorkingDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    public string? Language { get; set; }

    public LocationInput AsInput() => new(Country, Region, City, TimeZone,
        (WorkingDays ?? []).Any(d => !Enum.IsDefined(d)) ? Core.Engagements.WorkingDays.None : WorkingDaysExtensions.FromDays(WorkingDays ?? []), Language);
}
