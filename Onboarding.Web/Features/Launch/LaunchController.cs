using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Launch;

/// <summary>Launching an engagement: a guided form, a preview of the generated plan, then one save.</summary>
public sealed class LaunchController(OnboardingDbContext db, TemplateCatalog catalog, TimeProvider clock) : Controller
{
    [HttpGet("/engagements/new")]
    public IActionResult New()
    {
        if (!User.MayLaunch())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
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
        var request = form.TryRead(catalog, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ModelState);
        PreparedLaunch? prepared = null;
        if (request is not null)
        {
            var leader = await db.Users.AsNoTracking().FirstAsync(u => u.Id == User.UserId());
            var withLeader = request.Contacts.Any(c => c.Email.Equals(leader.Email, StringComparison.OrdinalIgnoreCase))
                ? request
                : request with { Contacts = [new LaunchContact(leader.DisplayName, leader.Email!, EngagementRole.AccountLeader, "Account leader", leader.TimeZone), .. request.Contacts] };
            var client = await FindOrNewClientAsync((form.ClientName ?? "").Trim());
            prepared = EngagementLaunch.Prepare(withLeader, User.OrganisationId(), client, clock.GetUtcNow());
            foreach (var role in prepared.MissingRoles)
            {
                ModelState.AddModelError(nameof(LaunchForm.Contacts),
                    $"The chosen templates give tasks to the {role.DisplayName().ToLowerInvariant()} role, but no contact has it: add one below.");
            }
        }

        if (form.Action != "launch" || prepared is null || !ModelState.IsValid)
        {
            Response.StatusCode = ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            return View("New", new LaunchViewModel(form.Padded(), catalog, ModelState.IsValid ? prepared : null, User.DisplayName()));
        }

        var engagement = prepared.Engagement;
        engagement.Client = await SaveClientOnceAsync(engagement.Client!);
        var emails = engagement.Members.Select(m => m.Email).ToList();
        var users = await db.Users.Where(u => u.Email != null && emails.Contains(u.Email.ToLower())).Select(u => new { u.Id, u.Email }).ToListAsync();
        foreach (var member in engagement.Members)
        {
            member.UserId = users.FirstOrDefault(u => u.Email!.Equals(member.Email, StringComparison.OrdinalIgnoreCase))?.Id;
        }
        var now = clock.GetUtcNow();
        PlanWriter.Add(engagement, prepared.Plan, prepared.Applications, now);
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        db.RecordActivity(User, engagement.Id, $"Launched the engagement with {prepared.Plan.Tasks.Count} tasks from {string.Join(", ", prepared.Applications.Select(a => a.Template.Title).Distinct())}", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{engagement.Name} is launched with {prepared.Plan.Tasks.Count} tasks. Invite the stakeholders next.";
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
