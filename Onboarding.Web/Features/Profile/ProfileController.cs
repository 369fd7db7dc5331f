using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.People;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Profile;

/// <summary>
/// A person's own settings, once for all their engagements: name, time zone, working week and digest hour. People
/// keep their own; a leader keeps them for a contact of an engagement they lead who has no account yet.
/// </summary>
public sealed class ProfileController(OnboardingDbContext db, SignInManager<AppUser> signIn, TimeProvider clock) : Controller
{
    [HttpGet("/profile")]
    public async Task<IActionResult> Mine() => View("Profile", await PageAsync(await MyPersonAsync(), new ProfileForm(), canEdit: true, isMine: true));

    [HttpPost("/profile")]
    public async Task<IActionResult> SaveMine(ProfileForm form)
    {
        var person = await MyPersonAsync();
        var result = await SaveAsync(person, form, isMine: true);
        if (result is not null)
        {
            return result;
        }
        // The name and zone travel in the sign-in cookie; the next page should already use the new ones.
        await signIn.RefreshSignInAsync(await db.Users.FirstAsync(u => u.Id == person.UserId));
        return Redirect("/profile");
    }

    [HttpGet("/people/{personId:int}")]
    public async Task<IActionResult> Show(int personId)
    {
        if (await VisibleAsync(personId) is not { } person)
        {
            return NotFound();
        }
        if (person.UserId == User.UserId())
        {
            return Redirect("/profile");
        }
        return View("Profile", await PageAsync(person, new ProfileForm(), canEdit: person.UserId is null, isMine: false));
    }

    [HttpPost("/people/{personId:int}")]
    public async Task<IActionResult> Save(int personId, ProfileForm form)
    {
        if (await VisibleAsync(personId) is not { } person)
        {
            return NotFound();
        }
        if (person.UserId is not null)
        {
            // Someone who signs in keeps their own clock; nobody else changes it.
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        return await SaveAsync(person, form, isMine: false) ?? Redirect($"/people/{personId}");
    }

    /// <summary>Null when saved (the caller redirects); otherwise the page again with what was wrong.</summary>
    private async Task<IActionResult?> SaveAsync(Person person, ProfileForm form, bool isMine)
    {
        var name = form.Name?.Trim() ?? "";
        var zone = form.TimeZone?.Trim() ?? "";
        if (name.Length == 0) { ModelState.AddModelError(nameof(form.Name), "Enter a name."); }
        if (Zones.Problem(zone) is { } zoneProblem) { ModelState.AddModelError(nameof(form.TimeZone), $"Time zone: {zoneProblem}"); }
        var days = (form.WorkingDays ?? []).Where(Enum.IsDefined).ToList();
        if (days.Count == 0) { ModelState.AddModelError(nameof(form.WorkingDays), "Tick at least one working day: digests only come on working days."); }
        if (person.StaleEdit(form.Version, $"{person.Name}'s profile", User.TimeZone()) is { } stale) { ModelState.AddModelError("", stale); }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Profile", await PageAsync(person, form, canEdit: true, isMine));
        }

        var now = clock.GetUtcNow();
        var memberships = await db.Members.Where(m => m.PersonId == person.Id).ToListAsync();
        var workingDays = WorkingDaysExtensions.FromDays(days);
        var changes = Changes(person, name, zone, workingDays, form.DigestHour);
        PersonDirectory.Rename(person, name, memberships, person.UserId is null ? null : await db.Users.FirstAsync(u => u.Id == person.UserId));
        person.TimeZone = zone;
        person.WorkingDays = workingDays;
        person.DigestHour = form.DigestHour;
        person.ChangedNowBy(User.DisplayName(), now);
        if (!isMine && changes.Count > 0)
        {
            foreach (var engagementId in await LedEngagementsOfAsync(person.Id))
            {
                db.RecordActivity(User, engagementId, $"Changed {person.Name}'s profile: {string.Join(", ", changes)}", now);
            }
        }
        if (!await db.TrySaveAsync())
        {
            var current = await db.People.AsNoTracking().FirstAsync(p => p.Id == person.Id);
            ModelState.AddModelError("", Versioned.ChangedSince(current, $"{current.Name}'s profile", User.TimeZone()));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Profile", await PageAsync(current, new ProfileForm(), canEdit: true, isMine));
        }
        TempData["Notice"] = isMine ? "Your profile is saved." : $"{person.Name}'s profile is saved.";
        return null;
    }

    private static List<string> Changes(Person person, string name, string zone, WorkingDays days, int hour)
    {
        var changes = new List<string>();
        if (person.Name != name) { changes.Add($"name {name}"); }
        if (person.TimeZone != zone) { changes.Add($"time zone {zone}"); }
        if (person.WorkingDays != days) { changes.Add($"working days {days.ToDisplayList()}"); }
        if (person.DigestHour != hour) { changes.Add($"digest hour {hour:00}:00"); }
        return changes;
    }

    private async Task<Person> MyPersonAsync()
    {
        var userId = User.UserId();
        var person = await PersonDirectory.ForUserAsync(db, userId, clock.GetUtcNow());
        if (db.ChangeTracker.HasChanges())
        {
            // An account made before people were (or by hand) gets its person the first time it is asked for.
            await db.SaveChangesAsync();
        }
        return person;
    }

    /// <summary>The person, when the viewer leads an engagement they are in (or is an administrator of its provider).</summary>
    private async Task<Person?> VisibleAsync(int personId)
    {
        var userId = User.UserId();
        var organisationId = User.OrganisationId();
        var administrator = User.IsAdministrator();
        var visible = await db.Members.AnyAsync(m => m.PersonId == personId && (
            (administrator && m.Engagement!.ProviderId == organisationId)
            || m.Engagement!.Members.Any(l => l.UserId == userId && (l.Role == EngagementRole.AccountLeader || l.PersonId == personId))));
        return visible || await db.People.AnyAsync(p => p.Id == personId && p.UserId == userId)
            ? await db.People.FirstOrDefaultAsync(p => p.Id == personId)
            : null;
    }

    private Task<List<int>> LedEngagementsOfAsync(int personId)
    {
        var userId = User.UserId();
        return db.Members.Where(m => m.PersonId == personId && m.Engagement!.Members.Any(l => l.UserId == userId && l.Role == EngagementRole.AccountLeader))
            .Select(m => m.EngagementId).ToListAsync();
    }

    private async Task<ProfileViewModel> PageAsync(Person person, ProfileForm form, bool canEdit, bool isMine)
    {
        var memberships = await db.Members.AsNoTracking()
            .Where(m => m.PersonId == person.Id && m.Engagement!.Status == EngagementStatus.Active)
            .OrderBy(m => m.Engagement!.Name)
            .Select(m => new ProfileMembership(m.EngagementId, m.Engagement!.Name, m.Role, m.Title, m.Engagement.TimeZone))
            .ToListAsync();
        if (form.Name is null || form.Version is null)
        {
            form = ProfileForm.Of(person);
        }
        return new ProfileViewModel(person.Id, person.Name, person.Email, isMine, canEdit, person.UserId is not null, form, memberships, clock.TodayIn(person.TimeZone));
    }
}

public sealed record ProfileMembership(int EngagementId, string EngagementName, EngagementRole Role, string Title, string EngagementTimeZone);

public sealed record ProfileViewModel(
    int PersonId, string Name, string Email, bool IsMine, bool CanEdit, bool HasAccount, ProfileForm Form, IReadOnlyList<ProfileMembership> Memberships, DateOnly TheirToday);

public sealed class ProfileForm
{
    /// <summary>The version the page was opened on, so a save over someone else's newer one is refused.</summary>
    public int? Version { get; set; }

    [TextLimit(TextLimits.Name, "The name")]
    public string? Name { get; set; }

    [TextLimit(TextLimits.TimeZone, "The time zone")]
    public string? TimeZone { get; set; }

    public List<DayOfWeek>? WorkingDays { get; set; }

    [Range(0, 23, ErrorMessage = "Choose a digest hour from 00:00 to 23:00.")]
    public int DigestHour { get; set; } = Person.DefaultDigestHour;

    public static ProfileForm Of(Person person) => new()
    {
        Version = person.Version,
        Name = person.Name,
        TimeZone = person.TimeZone,
        WorkingDays = [.. person.WorkingDays.ToSet()],
        DigestHour = person.DigestHour,
    };
}
