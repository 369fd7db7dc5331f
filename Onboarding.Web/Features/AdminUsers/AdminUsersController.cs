using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.AdminUsers;

/// <summary>
/// The provider administrator's list of the people who can sign in (the provider's own and its clients'):
/// locking, unlocking and the provider people's account role. <c>/admin</c> opens here.
/// </summary>
[AdministratorsOnly]
public sealed class AdminUsersController(OnboardingDbContext db, UserManager<AppUser> users, TimeProvider clock) : Controller
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
        await users.SetLockoutEndDateAsync(user, AccountRules.LockedByAdministrator);
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
    }, user => $"{user.DisplayName}'s account role is now {user.AccountRole.InSentence()}; they sign in again to use it.");

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
}

public sealed record UserRow(string Id, string Name, string Email, string Organisation, OrganisationKind Kind, AccountRole Role, DateTimeOffset? LockoutEnd, bool HasPassword)
{
    public bool IsLocked(DateTimeOffset now) => LockoutEnd > now;
}

public sealed record UsersViewModel(IReadOnlyList<UserRow> Rows, string? Query, int Page, int Total, int PageSize, DateTimeOffset Now, string CurrentUserId)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class AccountRoleForm
{
    [Display(Name = "Account role")]
    public AccountRole Role { get; set; }
}
