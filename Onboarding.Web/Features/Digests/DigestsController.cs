using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetEscapades.AspNetCore.SecurityHeaders;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Links;
using Onboarding.Core.Time;
using Onboarding.Jobs.Digests;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Digests;

/// <summary>
/// The outbox (account leaders and administrators), each person's digest settings, the one-click
/// unsubscribe link every digest carries, and the account leaders' preview.
/// </summary>
public sealed class DigestsController(OnboardingDbContext db, AppLinks links, TimeProvider clock) : Controller
{
    public const string UnsubscribeRoute = "/digests/unsubscribe/{token}";
    private const int PageSize = 50;

    [HttpGet("/digests/outbox")]
    public async Task<IActionResult> Outbox(DigestStatus? status, int page = 1)
    {
        if (await OutboxScopeAsync() is not { } scope)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var query = scope.Digests;
        if (status is { } only)
        {
            query = query.Where(d => d.Status == only);
        }
        var total = await query.CountAsync();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query
            .OrderByDescending(d => d.Period).ThenByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => new OutboxRow(d.Id, d.Recipient, d.Period, d.Status, d.Attempts, d.LastError, d.Subject, d.CreatedAt, d.SentAt))
            .ToListAsync();
        var led = await scope.Led.OrderBy(e => e.Name).Select(e => new EngagementLink(e.Id, e.Name)).ToListAsync();
        return View(new OutboxViewModel(rows, status, page, pages, total, led));
    }

    [HttpGet("/digests/outbox/{id:long}")]
    [SecurityHeadersPolicy(SecurityHeaders.InlineStyles)]
    public async Task<IActionResult> Show(long id)
    {
        if (await OutboxScopeAsync() is not { } scope)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var digest = await scope.Digests.FirstOrDefaultAsync(d => d.Id == id);
        if (digest is null)
        {
            return NotFound();
        }
        // Read without tracking, so the copy shown (without the recipient's unsubscribe token) is never saved.
        digest.HtmlBody = UnsubscribeTokens.Hide(digest.HtmlBody, links);
        digest.TextBody = UnsubscribeTokens.Hide(digest.TextBody, links);
        return View(digest);
    }

    [HttpPost("/digests/outbox/{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, [FromServices] IBackgroundJobClient jobs)
    {
        if (await OutboxScopeAsync() is not { } scope)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!await scope.Digests.AnyAsync(d => d.Id == id))
        {
            return NotFound();
        }
        // Only from "failed", in one statement: a double click or a second leader cannot queue it twice.
        var reset = await db.Digests
            .Where(d => d.Id == id && d.Status == DigestStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DigestStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.ClaimedAt, (DateTimeOffset?)null));
        if (reset == 1)
        {
            jobs.Enqueue<DigestDeliveryJob>(job => job.RunAsync(new[] { id }, CancellationToken.None));
        }
        TempData["Notice"] = reset == 1 ? "The digest is queued to be sent again." : "Only a failed digest can be sent again; this one is not failed.";
        return Redirect($"/digests/outbox/{id}");
    }

    [HttpGet("/engagements/{engagementId:int}/digests/preview")]
    [SecurityHeadersPolicy(SecurityHeaders.InlineStyles)]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Preview(int engagementId, int? member, string? date, [FromServices] DigestPreviews previews)
    {
        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == engagementId).Select(e => new { e.Name, e.ProviderId }).FirstAsync();
        var members = await db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagementId)
            .OrderBy(m => m.Role).ThenBy(m => m.Name)
            .Select(m => new PreviewMember(m.Id, m.Name, m.Email, m.Role, m.TimeZone))
            .ToListAsync();
        var chosen = members.FirstOrDefault(m => m.Id == member) ?? members.FirstOrDefault();
        if (chosen is null)
        {
            return View(new PreviewViewModel(engagementId, engagement.Name, members, null, date ?? "", null, null));
        }

        DateOnly day;
        if (string.IsNullOrWhiteSpace(date))
        {
            day = clock.TodayIn(chosen.TimeZone);
        }
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new PreviewViewModel(engagementId, engagement.Name, members, chosen, date, null, "Enter the date as YYYY-MM-DD, e.g. 2026-11-24."));
        }

        // The outbox's rule: a section is the person's own tasks and news there, so only engagements the viewer leads.
        var shown = (await (User.IsAdministrator() ? VisibleEngagements() : LedEngagements()).ToListAsync()).ToHashSet();
        var preview = await previews.ForAsync(chosen.Email, day, shown.Contains, HttpContext.RequestAborted);
        return View(new PreviewViewModel(engagementId, engagement.Name, members, chosen, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), preview, null));
    }

    [HttpGet("/digests/preferences")]
    public async Task<IActionResult> Preferences() => View(await PreferencesPageAsync(error: null));

    [HttpPost("/digests/preferences")]
    public async Task<IActionResult> SavePreferences(List<PreferenceForm> items)
    {
        var userId = User.UserId();
        var mine = await db.Members.Where(m => m.UserId == userId).ToDictionaryAsync(m => m.Id);
        if (items.Any(i => !mine.ContainsKey(i.MemberId)))
        {
            return NotFound();
        }
        if (!ModelState.IsValid || items.Any(i => !Enum.IsDefined(i.Preference)))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Preferences", await PreferencesPageAsync("Nothing was saved: choose an hour from 00:00 to 23:00 and one of the three options for each engagement."));
        }
        foreach (var item in items)
        {
            mine[item.MemberId].DigestHour = item.Hour;
            mine[item.MemberId].DigestPreference = item.Preference;
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = "Your digest settings are saved.";
        return Redirect("/digests/preferences");
    }

    /// <summary>The confirm page; a GET changes nothing, so link scanners in mail systems cannot unsubscribe anyone.</summary>
    [AllowAnonymous]
    [HttpGet(UnsubscribeRoute)]
    public async Task<IActionResult> Unsubscribe(string token)
    {
        var page = await UnsubscribePageAsync(token);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>
    /// RFC 8058 one-click unsubscribe: mail clients POST <c>List-Unsubscribe=One-Click</c> to the
    /// <c>List-Unsubscribe</c> URL without a page, a cookie or an antiforgery token. The unguessable
    /// token in the URL is what authorises it, and all it can do is stop mail to that address.
    /// </summary>
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [HttpPost(UnsubscribeRoute)]
    public async Task<IActionResult> UnsubscribeConfirmed(string token)
    {
        if (await UnsubscriberAsync(token) is not { } email)
        {
            return NotFound();
        }
        // The digest is one mail per address across engagements, so unsubscribing stops it everywhere.
        var key = DigestLoader.RecipientKey(email);
        await db.Members.Where(m => m.Email.ToLower() == key)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DigestPreference, DigestPreference.None));
        return View("Unsubscribed", (await UnsubscribePageAsync(token))!);
    }

    /// <summary>
    /// What the placeholder link in a digest shown to someone other than its recipient (a preview, the outbox)
    /// leads to: the real link is the recipient's alone.
    /// </summary>
    [AllowAnonymous]
    [HttpGet("/digests/unsubscribe-preview")]
    public IActionResult UnsubscribePlaceholder() => View();

    /// <summary>The address an unsubscribe token stands for; null for an unknown token or a locked person's, whose links stop working.</summary>
    private async Task<string?> UnsubscriberAsync(string token)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.UnsubscribeToken == token)
            .Select(m => new { m.Email, m.User })
            .FirstOrDefaultAsync();
        return member is null || member.User?.IsLockedAt(clock.GetUtcNow()) == true ? null : member.Email;
    }

    private async Task<UnsubscribeViewModel?> UnsubscribePageAsync(string token)
    {
        if (await UnsubscriberAsync(token) is not { } email)
        {
            return null;
        }
        var key = DigestLoader.RecipientKey(email);
        var memberships = await db.Members.AsNoTracking()
            .Where(m => m.Email.ToLower() == key && m.Engagement!.Status != EngagementStatus.Closed)
            .OrderBy(m => m.Engagement!.Name)
            .Select(m => new { m.Engagement!.Name, m.DigestPreference })
            .ToListAsync();
        return new UnsubscribeViewModel(token, email, memberships.Select(m => m.Name).ToList(), memberships.All(m => m.DigestPreference == DigestPreference.None));
    }

    private async Task<PreferencesViewModel> PreferencesPageAsync(string? error)
    {
        var userId = User.UserId();
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.UserId == userId && m.Engagement!.Status != EngagementStatus.Closed)
            .OrderBy(m => m.Engagement!.Name)
            .Select(m => new PreferenceRow(m.Id, m.EngagementId, m.Engagement!.Name, m.DigestHour, m.DigestPreference, m.TimeZone, m.WorkingDays))
            .ToListAsync();
        return new PreferencesViewModel(rows, error, await OutboxScopeAsync() is not null);
    }

    /// <summary>
    /// The outbox a person may see: digests with a section for an engagement they lead (any of
    /// their organisation's for an administrator) and none for an engagement they do not lead (for
    /// an administrator: cannot see). Being a member of an engagement without leading it is not
    /// enough: the section is that person's own tasks and news there. A digest recorded before
    /// digests kept their engagements is judged by its recipient's memberships now instead.
    /// Null for people who lead nothing.
    /// </summary>
    private async Task<OutboxScope?> OutboxScopeAsync()
    {
        var organisationId = User.OrganisationId();
        var administrator = User.IsAdministrator();
        var ledByViewer = LedEngagements();
        var led = administrator
            ? db.Engagements.Where(e => e.ProviderId == organisationId)
            : db.Engagements.Where(e => ledByViewer.Contains(e.Id));
        if (!await led.AnyAsync())
        {
            return null;
        }
        var ledIds = led.Select(e => e.Id);
        var allowed = administrator ? VisibleEngagements() : ledIds;
        var recipients = db.Members.Where(m => ledIds.Contains(m.EngagementId)).Select(m => m.Email.ToLower());
        var withHiddenNews = db.Members.Where(m => !allowed.Contains(m.EngagementId)).Select(m => m.Email.ToLower());
        var digests = db.Digests.AsNoTracking().Where(d =>
            (d.EngagementIds.Count > 0 && d.EngagementIds.Any(id => ledIds.Contains(id)) && d.EngagementIds.All(id => allowed.Contains(id)))
            || (d.EngagementIds.Count == 0 && recipients.Contains(d.Recipient) && !withHiddenNews.Contains(d.Recipient)));
        return new OutboxScope(led, digests);
    }

    /// <summary>Engagements the signed-in person may see, as the engagement gate decides it.</summary>
    private IQueryable<int> VisibleEngagements()
    {
        var userId = User.UserId();
        var organisationId = User.OrganisationId();
        return User.IsAdministrator()
            ? db.Engagements.Where(e => e.ProviderId == organisationId || e.Members.Any(m => m.UserId == userId)).Select(e => e.Id)
            : db.Members.Where(m => m.UserId == userId).Select(m => m.EngagementId);
    }

    private IQueryable<int> LedEngagements()
    {
        var userId = User.UserId();
        return db.Members.Where(m => m.UserId == userId && m.Role == EngagementRole.AccountLeader).Select(m => m.EngagementId);
    }

    private sealed record OutboxScope(IQueryable<Engagement> Led, IQueryable<DigestRecord> Digests);
}

public sealed record OutboxRow(long Id, string Recipient, DateOnly Period, DigestStatus Status, int Attempts, string? LastError, string Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record EngagementLink(int Id, string Name);

public sealed record OutboxViewModel(IReadOnlyList<OutboxRow> Rows, DigestStatus? Status, int Page, int PageCount, int Total, IReadOnlyList<EngagementLink> Led);

public sealed record PreviewMember(int Id, string Name, string Email, EngagementRole Role, string TimeZone);

public sealed record PreviewViewModel(
    int EngagementId,
    string EngagementName,
    IReadOnlyList<PreviewMember> Members,
    PreviewMember? Member,
    string Date,
    DigestPreview? Preview,
    string? DateError);

public sealed record PreferenceRow(int MemberId, int EngagementId, string EngagementName, int Hour, DigestPreference Preference, string TimeZone, WorkingDays WorkingDays);

public sealed record PreferencesViewModel(IReadOnlyList<PreferenceRow> Rows, string? Error, bool CanSeeOutbox);

public sealed class PreferenceForm
{
    public int MemberId { get; set; }

    [Range(0, 23, ErrorMessage = "Choose an hour from 00:00 to 23:00.")]
    public int Hour { get; set; }

    public DigestPreference Preference { get; set; }
}

public sealed record UnsubscribeViewModel(string Token, string Email, IReadOnlyList<string> Engagements, bool AlreadyUnsubscribed);
