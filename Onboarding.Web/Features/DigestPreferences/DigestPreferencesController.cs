using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.People;
using Onboarding.Web.Features.Outbox;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.DigestPreferences;

/// <summary>
/// How often each engagement's digest comes, per engagement. When it arrives (hour, zone, working days) is the
/// person's own, on their profile, because all their engagements share one digest.
/// </summary>
public sealed class DigestPreferencesController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/digests/preferences")]
    public async Task<IActionResult> Preferences() => View(await PageAsync(error: null));

    [HttpPost("/digests/preferences")]
    public async Task<IActionResult> SavePreferences(List<PreferenceForm> items)
    {
        var userId = User.UserId();
        var mine = await db.Members.Where(m => m.UserId == userId).ToDictionaryAsync(m => m.Id);
        items ??= [];
        if (items.Any(i => i is null || !mine.ContainsKey(i.MemberId)))
        {
            return NotFound();
        }
        if (!ModelState.IsValid || items.Any(i => !Enum.IsDefined(i.Preference)))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Preferences", await PageAsync("Nothing was saved: choose one of the three options for each engagement."));
        }
        var now = clock.GetUtcNow();
        foreach (var item in items.Where(i => mine[i.MemberId].DigestPreference != i.Preference))
        {
            mine[item.MemberId].DigestPreference = item.Preference;
            mine[item.MemberId].ChangedNowBy(User.DisplayName(), now);
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = "Your digest settings are saved.";
        return Redirect("/digests/preferences");
    }

    private async Task<PreferencesViewModel> PageAsync(string? error)
    {
        var userId = User.UserId();
        var person = await PersonDirectory.ForUserAsync(db, userId, clock.GetUtcNow());
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.UserId == userId && m.Engagement!.Status != EngagementStatus.Closed)
            .OrderBy(m => m.Engagement!.Name)
            .Select(m => new PreferenceRow(m.Id, m.EngagementId, m.Engagement!.Name, m.DigestPreference))
            .ToListAsync();
        return new PreferencesViewModel(person, rows, error, await new DigestVisibility(db, User).OutboxAsync() is not null);
    }
}

public sealed record PreferenceRow(int MemberId, int EngagementId, string EngagementName, DigestPreference Preference);

public sealed record PreferencesViewModel(Person Person, IReadOnlyList<PreferenceRow> Rows, string? Error, bool CanSeeOutbox);

public sealed class PreferenceForm
{
    public int MemberId { get; set; }

    public DigestPreference Preference { get; set; }
}
