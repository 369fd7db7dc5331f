using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetEscapades.AspNetCore.SecurityHeaders;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Links;
using Onboarding.Jobs.Digests;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Outbox;

/// <summary>The outbox of the digests of engagements one leads: what went out, what failed, and sending a failed one again.</summary>
[DoNotCompress] // Mails show their unsubscribe links.
public sealed class OutboxController(OnboardingDbContext db, AppLinks links) : Controller
{
    private const int PageSize = 50;

    [HttpGet("/digests/outbox")]
    public async Task<IActionResult> Outbox(DigestStatus? status, int page = 1)
    {
        if (await new DigestVisibility(db, User).OutboxAsync() is not { } scope)
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
        if (await new DigestVisibility(db, User).OutboxAsync() is not { } scope)
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
        if (await new DigestVisibility(db, User).OutboxAsync() is not { } scope)
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
            jobs.Enqueue<DigestDeliveryJob>(job => job.RunAsync(new[] { id }, null, CancellationToken.None));
        }
        TempData["Notice"] = reset == 1 ? "The digest is queued to be sent again." : "Only a failed digest can be sent again; this one is not failed.";
        return Redirect($"/digests/outbox/{id}");
    }
}

public sealed record OutboxRow(long Id, string Recipient, DateOnly Period, DigestStatus Status, int Attempts, string? LastError, string Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record EngagementLink(int Id, string Name);

public sealed record OutboxViewModel(IReadOnlyList<OutboxRow> Rows, DigestStatus? Status, int Page, int PageCount, int Total, IReadOnlyList<EngagementLink> Led);
