using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Features.Unsubscribe;

/// <summary>The one-click unsubscribe link every digest carries, and the page a preview's placeholder link leads to.</summary>
public sealed class UnsubscribeController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    public const string UnsubscribeRoute = "/digests/unsubscribe/{token}";

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
    /// token in the URL is what authorises it, and all it can do is stop mail to that person.
    /// </summary>
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [HttpPost(UnsubscribeRoute)]
    public async Task<IActionResult> UnsubscribeConfirmed(string token)
    {
        if (await UnsubscriberAsync(token) is not { } person)
        {
            return NotFound();
        }
        // The digest is one mail per person across engagements, so unsubscribing stops it everywhere.
        // A bulk update skips the version interceptor: bump it here, so a leader's form opened before cannot resubscribe them.
        var now = clock.GetUtcNow();
        var by = $"{person.Name}, with the unsubscribe link,";
        await db.Members.Where(m => m.PersonId == person.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DigestPreference, DigestPreference.None)
                .SetProperty(m => m.Version, m => m.Version + 1)
                .SetProperty(m => m.ChangedBy, by)
                .SetProperty(m => m.ChangedAt, now));
        return View("Unsubscribed", (await UnsubscribePageAsync(token))!);
    }

    /// <summary>
    /// What the placeholder link in a digest shown to someone other than its recipient (a preview, the outbox)
    /// leads to: the real link is the recipient's alone.
    /// </summary>
    [AllowAnonymous]
    [HttpGet("/digests/unsubscribe-preview")]
    public IActionResult UnsubscribePlaceholder() => View();

    /// <summary>The person an unsubscribe token stands for; null for an unknown token or a locked person's, whose links stop working.</summary>
    private async Task<Unsubscriber?> UnsubscriberAsync(string token)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.UnsubscribeToken == token)
            .Select(m => new { m.PersonId, m.Person!.Email, m.Person.Name, m.User })
            .FirstOrDefaultAsync();
        return member is null || member.User?.IsLockedAt(clock.GetUtcNow()) == true ? null : new Unsubscriber(member.PersonId, member.Email, member.Name);
    }

    private async Task<UnsubscribeViewModel?> UnsubscribePageAsync(string token)
    {
        if (await UnsubscriberAsync(token) is not { } person)
        {
            return null;
        }
        var memberships = await db.Members.AsNoTracking()
            .Where(m => m.PersonId == person.Id && m.Engagement!.Status != EngagementStatus.Closed)
            .OrderBy(m => m.Engagement!.Name)
            .Select(m => new { m.Engagement!.Name, m.DigestPreference })
            .ToListAsync();
        return new UnsubscribeViewModel(token, person.Email, memberships.Select(m => m.Name).ToList(), memberships.All(m => m.DigestPreference == DigestPreference.None));
    }

    private sealed record Unsubscriber(int Id, string Email, string Name);
}

public sealed record UnsubscribeViewModel(string Token, string Email, IReadOnlyList<string> Engagements, bool AlreadyUnsubscribed);
