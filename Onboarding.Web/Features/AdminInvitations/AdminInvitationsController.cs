using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Web.Features.Account;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.AdminInvitations;

/// <summary>
/// The provider administrator's invitations: the one-time links sent to engagement stakeholders, inviting one,
/// and revoking a link that should no longer work.
/// </summary>
[AdministratorsOnly]
public sealed class AdminInvitationsController(OnboardingDbContext db, InvitationDesk invitations, TimeProvider clock) : Controller
{
    private const int PageSize = 50;

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
        var email = AccountRules.NormaliseEmail(form.Email ?? "");
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

public sealed class NewInvitationForm
{
    [Required(ErrorMessage = "Choose the engagement the person is a stakeholder of.")]
    public int? EngagementId { get; set; }

    [Required(ErrorMessage = "Enter the stakeholder's email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    public string? Email { get; set; }
}
