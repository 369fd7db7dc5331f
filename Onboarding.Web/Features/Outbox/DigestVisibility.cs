using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Outbox;

/// <summary>
/// Which digests a person may read, for the outbox and the preview alike. A digest's sections are its
/// recipient's own tasks and news, so being a member of an engagement is not enough: one must lead it.
/// </summary>
public sealed class DigestVisibility(OnboardingDbContext db, ClaimsPrincipal user)
{
    /// <summary>
    /// The outbox the person may see: digests with a section for an engagement they lead (any of
    /// their organisation's for an administrator) and none for an engagement they do not lead (for
    /// an administrator: cannot see). A digest recorded before digests kept their engagements is judged
    /// by its recipient's memberships now instead. Null for people who lead nothing.
    /// </summary>
    public async Task<OutboxScope?> OutboxAsync()
    {
        var organisationId = user.OrganisationId();
        var administrator = user.IsAdministrator();
        var ledByViewer = Led();
        var led = administrator
            ? db.Engagements.Where(e => e.ProviderId == organisationId)
            : db.Engagements.Where(e => ledByViewer.Contains(e.Id));
        if (!await led.AnyAsync())
        {
            return null;
        }
        var ledIds = led.Select(e => e.Id);
        var allowed = administrator ? Visible() : ledIds;
        var recipients = db.Members.Where(m => ledIds.Contains(m.EngagementId)).Select(m => m.Person!.EmailKey);
        var withHiddenNews = db.Members.Where(m => !allowed.Contains(m.EngagementId)).Select(m => m.Person!.EmailKey);
        var digests = db.Digests.AsNoTracking().Where(d =>
            (d.EngagementIds.Count > 0 && d.EngagementIds.Any(id => ledIds.Contains(id)) && d.EngagementIds.All(id => allowed.Contains(id)))
            || (d.EngagementIds.Count == 0 && recipients.Contains(d.Recipient) && !withHiddenNews.Contains(d.Recipient)));
        return new OutboxScope(led, digests);
    }

    /// <summary>The engagements whose sections a preview may show: those the person leads (an administrator: sees).</summary>
    public IQueryable<int> Previewable() => user.IsAdministrator() ? Visible() : Led();

    /// <summary>Engagements the signed-in person may see, as the engagement gate decides it.</summary>
    private IQueryable<int> Visible()
    {
        var userId = user.UserId();
        var organisationId = user.OrganisationId();
        return user.IsAdministrator()
            ? db.Engagements.Where(e => e.ProviderId == organisationId || e.Members.Any(m => m.UserId == userId)).Select(e => e.Id)
            : db.Members.Where(m => m.UserId == userId).Select(m => m.EngagementId);
    }

    private IQueryable<int> Led()
    {
        var userId = user.UserId();
        return db.Members.Where(m => m.UserId == userId && m.Role == EngagementRole.AccountLeader).Select(m => m.EngagementId);
    }
}

public sealed record OutboxScope(IQueryable<Engagement> Led, IQueryable<DigestRecord> Digests);
