using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.People;
using Onboarding.Core.Templates;
using Onboarding.Core.Text;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Launch;

/// <summary>Launching an engagement: a guided form, a preview of the generated plan, then one save.</summary>
public sealed class LaunchController(OnboardingDbContext db, TemplateCatalog catalog, TimeProvider clock, ZoneCountries zones) : Controller
{
    [HttpGet("/engagements/new")]
    public IActionResult New()
    {
        if (!User.MayLaunch())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var today = clock.TodayIn(User.TimeZone());
        var form = new LaunchForm
        {
            Kickoff = today.AddDays(7).ToString("yyyy-MM-dd"),
            GoLive = today.AddDays(35).ToString("yyyy-MM-dd"),
            Templates = catalog.Templates.Select(t => t.Key).ToList(),
        };
        return View(new LaunchViewModel(form.Padded(), catalog, null, User.DisplayName()));
    }

    [HttpPost("/engagements/new")]
    public async Task<IActionResult> Launch(LaunchForm form)
    {
        if (!User.MayLaunch())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        // Only our own reading of the form counts; binder messages about blank rows would be noise.
        ModelState.Clear();
        MarkdownInputAttribute.Validate(form, ModelState);
        var request = form.TryRead(catalog, clock.TodayIn(User.TimeZone()), zones, ModelState);
        PreparedLaunch? prepared = null;
        if (request is not null)
        {
            var leader = await PersonDirectory.ForUserAsync(db, User.UserId(), clock.GetUtcNow());
            var withLeader = request.Contacts.Any(c => AccountRules.NormaliseEmail(c.Email) == leader.EmailKey)
                ? request
                : request with { Contacts = [new LaunchContact(leader.Name, leader.Email, EngagementRole.AccountLeader, "Account leader", leader.TimeZone), .. request.Contacts] };
            var client = await FindOrNewClientAsync((form.ClientName ?? "").Trim());
            var known = await PersonDirectory.FindAsync(db, withLeader.Contacts.Select(c => c.Email));
            prepared = EngagementLaunch.Prepare(withLeader, User.OrganisationId(), client, known, clock.GetUtcNow());
            foreach (var role in prepared.MissingRoles)
            {
                ModelState.AddModelError(nameof(LaunchForm.Contacts),
                    $"The chosen templates give tasks to the {role.InSentence()} role, but no contact has it: add one below.");
            }
        }

        if (form.Action != "launch" || prepared is null || !ModelState.IsValid)
        {
            Response.StatusCode = ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            return View("New", new LaunchViewModel(form.Padded(), catalog, ModelState.IsValid ? prepared : null, User.DisplayName()));
        }

        var engagement = prepared.Engagement;
        engagement.Client = await SaveClientOnceAsync(engagement.Client!);
        // A lost race for the client forgets what was tracked: people already known are re-attached, not inserted again.
        foreach (var known in engagement.Members.Select(m => m.Person!).Where(p => p.Id != 0 && db.Entry(p).State == EntityState.Detached))
        {
            db.People.Attach(known);
        }
        var now = clock.GetUtcNow();
        PlanWriter.Add(engagement, prepared.Plan, prepared.Applications, now);
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        db.RecordActivity(User, engagement.Id, $"Launched the engagement with {Words.Count(prepared.Plan.Tasks.Count, "task")} from {string.Join(", ", prepared.Applications.Select(a => a.Template.Title).Distinct())}", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{engagement.Name} is launched with {Words.Count(prepared.Plan.Tasks.Count, "task")}. Invite the stakeholders next.";
        return Redirect($"/engagements/{engagement.Id}/plan");
    }

    private async Task<Organisation> FindOrNewClientAsync(string name)
    {
        var providerId = User.OrganisationId();
        var key = Organisation.KeyOf(name);
        return await db.Organisations.FirstOrDefaultAsync(o => o.ProviderId == providerId && o.NameKey == key)
            ?? new Organisation { Name = name, Kind = OrganisationKind.Client, ProviderId = providerId, CreatedAt = clock.GetUtcNow() };
    }

    /// <summary>
    /// A provider has one client of a name: of launches racing to create the same new client, the unique name
    /// key lets one insert win and the others take the winner's.
    /// </summary>
    private async Task<Organisation> SaveClientOnceAsync(Organisation client)
    {
        if (client.Id != 0)
        {
            return client;
        }
        db.Organisations.Add(client);
        return await db.TrySaveAsync()
            ? client
            : await db.Organisations.FirstAsync(o => o.ProviderId == client.ProviderId && o.NameKey == client.NameKey);
    }
}

public sealed record LaunchViewModel(LaunchForm Form, TemplateCatalog Catalog, PreparedLaunch? Preview, string LeaderName);
