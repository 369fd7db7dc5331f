using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;
using Onboarding.Web.Features.Account;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Admin;

/// <summary>
/// The provider administrator's pages: the people who can sign in (the provider's own and its clients'),
/// the invitations sent to them, and the templates the app loaded with their validation status.
/// </summary>
[AdministratorsOnly]
public sealed class AdminController(OnboardingDbContext db, UserManager<AppUser> users, InvitationDesk invitations, TemplateCatalog catalog, TimeProvider clock) : Controller
{
    private const int PageSize = 50;

    [HttpGet("/admin")]
    public IActionResult Index() => Redirect("/admin/users");

    [HttpGet("/admin/users")]
    public async Task<IActionResult> Users(string? q, int page = 1)
    {
        var query = UsersInScope();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{q.Trim().ToLowerInvariant()}%";
            query = query.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), pattern) || EF.Functions.Like(u.Email!.ToLower(), pattern));
        }
        var total = await query.CountAsync();
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query
            .OrderBy(u => u.Organisation!.Kind).ThenBy(u => u.Organisation!.Name).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.Organisation!.Name, u.Organisation.Kind, u.AccountRole, u.LockoutEnd, u.PasswordHash != null))
            .ToListAsync();
        return View(new UsersViewModel(rows, q, page, total, PageSize, clock.GetUtcNow(), User.UserId()));
    }

    [HttpPost("/admin/users/{userId}/lock")]
    public Task<IActionResult> Lock(string userId) => ChangeUserAsync(userId, async user =>
    {
        if (user.Id == User.UserId())
        {
            return "You cannot lock yourself out.";
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        return null;
    }, user => $"{user.DisplayName} is locked: they cannot sign in until unlocked.");

    [HttpPost("/admin/users/{userId}/unlock")]
    public Task<IActionResult> Unlock(string userId) => ChangeUserAsync(userId, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return null;
    }, user => $"{user.DisplayName} can sign in again.");

    /// <summary>The provider's own people get a role that decides what they may start; client people have none.</summary>
    [HttpPost("/admin/users/{userId}/role")]
    public Task<IActionResult> SetRole(string userId, AccountRoleForm form) => ChangeUserAsync(userId, async user =>
    {
        if (user.OrganisationId != User.OrganisationId())
        {
            return $"{user.DisplayName} belongs to a client organisation; only the provider's own people have an account role.";
        }
        if (!AccountRoles.ProviderRoles.Contains(form.Role))
        {
            return "Choose recruiter, account leader or administrator.";
        }
        if (user.Id == User.UserId() && form.Role != AccountRole.Administrator)
        {
            return "You cannot remove your own administrator role; ask another administrator.";
        }
        user.AccountRole = form.Role;
        await users.UpdateAsync(user);
        return null;
    }, user => $"{user.DisplayName}'s account role is now {user.AccountRole.DisplayName().ToLowerInvariant()}; they sign in again to use it.");

    [HttpGet("/admin/invitations")]
    public async Task<IActionResult> Invitations(InvitationState? status, int page = 1) =>
        View(await BuildInvitationsAsync(new NewInvitationForm(), status, page));

    [HttpPost("/admin/invitations")]
    public async Task<IActionResult> Invite(NewInvitationForm form)
    {
        var engagement = form.EngagementId is { } id
            ? await db.Engagements.Include(e => e.Provider).FirstOrDefaultAsync(e => e.Id == id && e.ProviderId == User.OrganisationId())
            : null;
        if (form.EngagementId is not null && engagement is null)
        {
            ModelState.AddModelError(nameof(form.EngagementId), "Choose one of your organisation's engagements.");
        }
        else if (engagement?.Status == EngagementStatus.Closed)
        {
            ModelState.AddModelError(nameof(form.EngagementId), $"{engagement.Name} is completed; reopen it before inviting anyone.");
        }
        var email = form.Email?.Trim().ToLowerInvariant() ?? "";
        var member = engagement is null || !ModelState.IsValid
            ? null
            : await db.Members.FirstOrDefaultAsync(m => m.EngagementId == engagement.Id && m.Email == email);
        if (engagement is not null && ModelState.IsValid && member is null)
        {
            ModelState.AddModelError(nameof(form.Email), $"Nobody in {engagement.Name} has the email {email}; add them on its Stakeholders page first.");
        }
        if (!ModelState.IsValid || engagement is null || member is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Invitations", await BuildInvitationsAsync(form, null, 1));
        }

        var outcome = await invitations.InviteAsync(member, engagement, User, HttpContext.RequestAborted);
        if (outcome.Error is not null)
        {
            ModelState.AddModelError(nameof(form.Email), $"Could not create an account for {email}: {outcome.Error}");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Invitations", await BuildInvitationsAsync(form, null, 1));
        }
        TempData["Notice"] = outcome.Notice;
        return Redirect("/admin/invitations");
    }

    /// <summary>A revoked invitation expires now: its link stops working at once, and the record stays.</summary>
    [HttpPost("/admin/invitations/{invitationId:int}/revoke")]
    public async Task<IActionResult> Revoke(int invitationId)
    {
        var organisationId = User.OrganisationId();
        var invitation = await db.Invitations.Include(i => i.User)
            .FirstOrDefaultAsync(i => i.Id == invitationId && (i.User!.OrganisationId == organisationId || i.User.Organisation!.ProviderId == organisationId));
        if (invitation is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        if (invitation.IsUsable(now))
        {
            invitation.ExpiresAt = now;
            await db.SaveChangesAsync();
            TempData["Notice"] = $"The invitation for {invitation.Email} is revoked; its link no longer works.";
        }
        else
        {
            TempData["Notice"] = $"The invitation for {invitation.Email} was already {(invitation.UsedAt is null ? "expired" : "used")}.";
        }
        return Redirect("/admin/invitations");
    }

    [HttpGet("/admin/templates")]
    public IActionResult Templates() => View(new TemplatesCatalogViewModel(
        catalog.Templates,
        catalog.Errors.GroupBy(e => e.File).Select(g => new BrokenTemplate(Path.GetFileName(g.Key), g.ToList())).OrderBy(b => b.FileName, StringComparer.Ordinal).ToList()));

    [HttpGet("/admin/templates/{key}")]
    public IActionResult Template(string key) => catalog.Find(key) is { } template ? View(template) : NotFound();

    private IQueryable<AppUser> UsersInScope()
    {
        var organisationId = User.OrganisationId();
        return db.Users.Where(u => u.OrganisationId == organisationId || u.Organisation!.ProviderId == organisationId);
    }

    /// <summary>Finds the user in this organisation's scope, applies the change (or its refusal), and says what happened.</summary>
    private async Task<IActionResult> ChangeUserAsync(string userId, Func<AppUser, Task<string?>> change, Func<AppUser, string> done)
    {
        var user = await UsersInScope().FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return NotFound();
        }
        var refusal = await change(user);
        if (refusal is null)
        {
            // A new security stamp makes the sign-in cookie check pick up the change.
            await users.UpdateSecurityStampAsync(user);
        }
        TempData["Notice"] = refusal ?? done(user);
        return Redirect("/admin/users");
    }

    private async Task<InvitationsViewModel> BuildInvitationsAsync(NewInvitationForm form, InvitationState? status, int page)
    {
        var organisationId = User.OrganisationId();
        var now = clock.GetUtcNow();
        var query = db.Invitations.AsNoTracking()
            .Where(i => i.User!.OrganisationId == organisationId || i.User.Organisation!.ProviderId == organisationId);
        query = status switch
        {
            InvitationState.Pending => query.Where(i => i.UsedAt == null && i.ExpiresAt > now),
            InvitationState.Used => query.Where(i => i.UsedAt != null),
            InvitationState.Expired => query.Where(i => i.UsedAt == null && i.ExpiresAt <= now),
            _ => query,
        };
        var total = await query.CountAsync();
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new InvitationRow(
                i.Id, i.Email, i.User!.DisplayName,
                db.Engagements.Where(e => e.Id == i.EngagementId).Select(e => e.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                i.CreatedAt, i.ExpiresAt, i.UsedAt))
            .ToListAsync();
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.ProviderId == organisationId && e.Status == EngagementStatus.Active)
            .OrderBy(e => e.Name)
            .Select(e => new EngagementOption(e.Id, e.Name))
            .ToListAsync();
        return new InvitationsViewModel(rows, status, page, total, PageSize, now, engagements, form);
    }
}

public sealed record UserRow(string Id, string Name, string Email, string Organisation, OrganisationKind Kind, AccountRole Role, DateTimeOffset? LockoutEnd, bool HasPassword)
{
    public bool IsLocked(DateTimeOffset now) => LockoutEnd > now;
}

public sealed record UsersViewModel(IReadOnlyList<UserRow> Rows, string? Query, int Page, int Total, int PageSize, DateTimeOffset Now, string CurrentUserId)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public enum InvitationState
{
    Pending,
    Used,
    Expired,
}

public sealed record InvitationRow(
    int Id, string Email, string Name, string? Engagement, string? InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt)
{
    public InvitationState State(DateTimeOffset now) =>
        UsedAt is not null ? InvitationState.Used : now < ExpiresAt ? InvitationState.Pending : InvitationState.Expired;
}

public sealed record EngagementOption(int Id, string Name);

public sealed record InvitationsViewModel(
    IReadOnlyList<InvitationRow> Rows, InvitationState? Status, int Page, int Total, int PageSize, DateTimeOffset Now,
    IReadOnlyList<EngagementOption> Engagements, NewInvitationForm Form)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class AccountRoleForm
{
    [Display(Name = "Account role")]
    public AccountRole Role { get; set; }
}

public sealed class NewInvitationForm
{
    [Required(ErrorMessage = "Choose the engagement the person is a stakeholder of.")]
    public int? EngagementId { get; set; }

    [Required(ErrorMessage = "Enter the stakeholder's email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    public string? Email { get; set; }
}

public sealed record BrokenTemplate(string FileName, IReadOnlyList<TemplateError> Errors);

public sealed record TemplatesCatalogViewModel(IReadOnlyList<PlanTemplate> Valid, IReadOnlyList<BrokenTemplate> Broken);
