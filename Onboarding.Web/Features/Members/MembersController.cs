using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.People;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Account;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Members;

[Route("/engagements/{engagementId:int}/stakeholders")]
public sealed class MembersController(OnboardingDbContext db, UserManager<AppUser> users, InvitationDesk invitations, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [DoNotCompress] // It shows the reader's calendar feed address.
    public async Task<IActionResult> Index(int engagementId)
    {
        // Someone new inherits the engagement's clock unless the leader says otherwise.
        var zone = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.TimeZone).FirstAsync();
        return View(await BuildPageAsync(engagementId, new AddMemberForm { TimeZone = zone }));
    }

    [HttpPost("")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Add(int engagementId, AddMemberForm form, bool confirmTasks = false)
    {
        // Fields posted empty bind as null; [Required] has already said so.
        var email = AccountRules.NormaliseEmail(form.Email ?? "");
        if (!string.IsNullOrWhiteSpace(form.TimeZone) && !Zones.IsKnown(form.TimeZone))
        {
            ModelState.AddModelError(nameof(form.TimeZone), $"'{TextLimits.Fit(form.TimeZone, 80)}' is not a known IANA time zone; use a name like Europe/London or America/New_York.");
        }
        if (!Enum.IsDefined(form.Role))
        {
            ModelState.AddModelError(nameof(form.Role), "Choose one of the roles.");
        }
        if (ModelState.IsValid && await db.Members.AnyAsync(m => m.EngagementId == engagementId && m.Person!.EmailKey == email))
        {
            ModelState.AddModelError(nameof(form.Email), $"{email} is already a stakeholder of this engagement.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId, form));
        }

        // Someone with a per-person role sees the tasks they will get before anything is saved.
        if (!confirmTasks && await PersonalTasks.PreviewAsync(db, engagementId, form.Name.Trim(), email, form.Role, clock) is { Copies.Count: > 0 } personal)
        {
            return View("ConfirmAdd", new ConfirmAddViewModel(engagementId, await EngagementNameAsync(engagementId), form, personal));
        }

        // A person's account joins the engagement now; an account an invitation made and nobody has used yet
        // joins only when this engagement invites it, so an older link does not bring this engagement along.
        var existingUser = await users.FindByEmailAsync(email);
        var joins = existingUser is not null && !await invitations.AwaitsFirstPasswordAsync(existingUser);
        var now = clock.GetUtcNow();
        var workingDays = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.WorkingDays).FirstAsync();
        var person = await PersonDirectory.FindOrAddAsync(db, form.Name, form.Email!, form.TimeZone, workingDays, now);
        var isNew = person.Id == 0;
        if (isNew)
        {
            person.DigestHour = form.DigestHour;
        }
        var member = PersonDirectory.Membership(person, form.Role, form.Title ?? "", now);
        member.EngagementId = engagementId;
        member.UserId = joins ? existingUser!.Id : null;
        db.Members.Add(member);
        db.RecordActivity(User, engagementId, $"Added {person.Name} as {form.Role.DisplayName()}", now);
        var tasks = await PersonalTasks.AddAsync(db, member, clock, User.UserId(), User.DisplayName());
        await db.SaveChangesAsync();
        var settings = isNew ? "" : $"; they keep their own time zone ({person.TimeZone}) and digest hour ({person.DigestHour:00}:00), which they (or you, while they have no account) change on their profile";
        TempData["Notice"] = $"{person.Name} was added{PersonalTasksNotice(tasks)}{settings}.";
        return Redirect($"/engagements/{engagementId}/stakeholders");
    }

    [HttpPost("{memberId:int}")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Update(int engagementId, int memberId, UpdateMemberForm form, bool confirmTasks = false)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.EngagementId == engagementId);
        if (member is null)
        {
            return NotFound();
        }
        if (!Enum.IsDefined(form.Role) || !Enum.IsDefined(form.DigestPreference))
        {
            ModelState.AddModelError(nameof(form.Role), "Choose one of the roles and one of the digest options.");
        }
        if (!ModelState.IsValid)
        {
            TempData["Notice"] = $"Nothing saved for {member.Name}: {string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))}";
            return Redirect($"/engagements/{engagementId}/stakeholders");
        }
        if (member.StaleEdit(form.Version, member.Name, User.TimeZone()) is { } stale)
        {
            TempData["Notice"] = stale;
            return Redirect($"/engagements/{engagementId}/stakeholders");
        }

        var roleChanges = member.Role != form.Role;
        // A new per-person role brings its own tasks: the leader sees them first, as when adding someone.
        if (roleChanges && !confirmTasks && await PersonalTasks.PreviewAsync(db, engagementId, member.Name, member.Email, form.Role, clock) is { Copies.Count: > 0 } personal)
        {
            return View("ConfirmRole", new ConfirmRoleViewModel(engagementId, await EngagementNameAsync(engagementId), member, form, personal));
        }

        var changes = new List<string>();
        var formerRole = member.Role;
        if (roleChanges) { changes.Add($"role {member.Role.DisplayName()} → {form.Role.DisplayName()}"); }
        if (member.DigestPreference != form.DigestPreference) { changes.Add($"digests {form.DigestPreference}"); }
        member.Role = form.Role;
        member.DigestPreference = form.DigestPreference;
        member.Title = form.Title?.Trim() ?? "";
        var now = clock.GetUtcNow();
        member.ChangedNowBy(User.DisplayName(), now);
        if (changes.Count > 0)
        {
            db.RecordActivity(User, engagementId, $"Changed {member.Name}: {string.Join(", ", changes)}", now);
        }
        var tasks = roleChanges ? await PersonalTasks.AddAsync(db, member, clock, User.UserId(), User.DisplayName()) : null;
        if (!await db.TrySaveAsync())
        {
            var current = await db.Members.AsNoTracking().FirstAsync(m => m.Id == memberId);
            TempData["Notice"] = Versioned.ChangedSince(current, current.Name, User.TimeZone());
            return Redirect($"/engagements/{engagementId}/stakeholders");
        }
        var kept = roleChanges
            ? await db.PlanTasks.CountAsync(t => t.OwnerId == memberId && t.OwnerRole == formerRole && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped)
            : 0;
        TempData["Notice"] = $"{member.Name} saved{(tasks is null ? "" : PersonalTasksNotice(tasks))}."
            + (kept > 0 ? $" They keep {kept} open task{(kept == 1 ? "" : "s")} from their former role ({formerRole.DisplayName()}); reassign each on its task page." : "");
        return Redirect($"/engagements/{engagementId}/stakeholders");
    }

    /// <summary>
    /// Invites a person without an account (the link is emailed, and shown to the leader for a new account), or
    /// tells a person who has one that they were added; see <see cref="InvitationDesk"/>.
    /// </summary>
    [HttpPost("{memberId:int}/invite")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Invite(int engagementId, int memberId)
    {
        var member = await db.Members.Include(m => m.Engagement).ThenInclude(e => e!.Provider)
            .FirstOrDefaultAsync(m => m.Id == memberId && m.EngagementId == engagementId);
        if (member is null)
        {
            return NotFound();
        }

        var outcome = await invitations.InviteAsync(member, member.Engagement!, User, HttpContext.RequestAborted);
        TempData["Notice"] = outcome.Notice ?? $"Could not create an account for {member.Email}: {outcome.Error}";
        return Redirect($"/engagements/{engagementId}/stakeholders");
    }

    /// <summary>Asks what happens to the person's open tasks before they leave.</summary>
    [HttpGet("{memberId:int}/remove")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Remove(int engagementId, int memberId) =>
        await PersonalTasks.PreviewRemovalAsync(db, engagementId, memberId) is { } preview
            ? View("Remove", new RemoveMemberViewModel(engagementId, await EngagementNameAsync(engagementId), preview, null))
            : NotFound();

    /// <param name="handOver">The member id who takes the open tasks over, or "skip".</param>
    /// <param name="confirm">"remove-{memberId}" from the page's form: a removal is never a side effect of a stray post.</param>
    [HttpPost("{memberId:int}/remove")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Remove(int engagementId, int memberId, string? handOver, string? confirm)
    {
        var preview = await PersonalTasks.PreviewRemovalAsync(db, engagementId, memberId);
        if (preview is null)
        {
            return NotFound();
        }
        int? heir = int.TryParse(handOver, out var id) ? id : null;
        string? problem = null;
        if (confirm != $"remove-{memberId}")
        {
            problem = $"Nothing was changed: confirm with the button below to remove {preview.Member.Name}.";
        }
        else if (preview.OpenTasks.Count > 0 && heir is null && handOver != "skip")
        {
            problem = $"Choose who takes over {preview.Member.Name}'s open tasks, or skip them.";
        }
        if (problem is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Remove", new RemoveMemberViewModel(engagementId, await EngagementNameAsync(engagementId), preview, problem));
        }
        var result = await PersonalTasks.RemoveAsync(db, engagementId, memberId, heir, User.UserId(), User.DisplayName(), clock.GetUtcNow());
        if (result.Status != PersonRemovalStatus.Removed)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Remove", new RemoveMemberViewModel(engagementId, await EngagementNameAsync(engagementId), preview, result.Message));
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = result.Message;
        return Redirect($"/engagements/{engagementId}/stakeholders");
    }

    private Task<string> EngagementNameAsync(int engagementId) =>
        db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstAsync();

    private static string PersonalTasksNotice(PersonalTaskPreview tasks) =>
        (tasks.Copies.Count > 0 ? $" with {tasks.Copies.Count} task{(tasks.Copies.Count == 1 ? "" : "s")} of their own" : "")
        + (tasks.Attends.Count > 0 ? $"{(tasks.Copies.Count > 0 ? "," : "")} as a participant of {tasks.Attends.Count} task{(tasks.Attends.Count == 1 ? "" : "s")}" : "");

    private async Task<StakeholdersViewModel> BuildPageAsync(int engagementId, AddMemberForm form)
    {
        var engagement = await db.Engagements.AsNoTracking().Select(e => new { e.Id, e.Name }).FirstAsync(e => e.Id == engagementId);
        var members = await db.Members.AsNoTracking()
            .Include(m => m.Person)
            .Where(m => m.EngagementId == engagementId)
            .OrderBy(m => m.Role).ThenBy(m => m.Name)
            .ToListAsync();
        return new StakeholdersViewModel(engagement.Id, engagement.Name, members, HttpContext.EngagementAccess(), form);
    }
}

public sealed record StakeholdersViewModel(int EngagementId, string EngagementName, IReadOnlyList<Member> Members, EngagementAccess Access, AddMemberForm Form);

public sealed record ConfirmAddViewModel(int EngagementId, string EngagementName, AddMemberForm Form, PersonalTaskPreview Tasks);

public sealed record ConfirmRoleViewModel(int EngagementId, string EngagementName, Member Member, UpdateMemberForm Form, PersonalTaskPreview Tasks);

public sealed record RemoveMemberViewModel(int EngagementId, string EngagementName, PersonRemovalPreview Preview, string? Error);

public sealed class UpdateMemberForm
{
    /// <summary>The version the page was opened on, so a save over someone else's newer one is refused.</summary>
    public int? Version { get; set; }

    [TextLimit(TextLimits.Name, "The job title")]
    public string? Title { get; set; }

    public EngagementRole Role { get; set; }

    public DigestPreference DigestPreference { get; set; }
}

public sealed class AddMemberForm
{
    [Required(ErrorMessage = "Enter the person's name.")]
    [TextLimit(TextLimits.Name, "The name")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the person's email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    [TextLimit(TextLimits.Email, "The email address")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [TextLimit(TextLimits.Name, "The job title")]
    [Display(Name = "Job title (optional)")]
    public string? Title { get; set; }

    [Display(Name = "Role in this engagement")]
    public EngagementRole Role { get; set; } = EngagementRole.HiringManager;

    /// <summary>For someone new to the product; a person already known keeps their own.</summary>
    [Required(ErrorMessage = "Enter a time zone such as Europe/London.")]
    [Display(Name = "Time zone")]
    public string TimeZone { get; set; } = PersonDirectory.DefaultTimeZone;

    [Range(0, 23, ErrorMessage = "Choose an hour from 0 to 23.")]
    [Display(Name = "Digest hour (local)")]
    public int DigestHour { get; set; } = 8;
}
