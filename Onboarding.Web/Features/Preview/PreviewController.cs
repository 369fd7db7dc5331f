using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetEscapades.AspNetCore.SecurityHeaders;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;
using Onboarding.Jobs.Digests;
using Onboarding.Web.Features.Outbox;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Preview;

/// <summary>The account leader's preview: exactly what a person of the engagement would receive on a date of their own calendar.</summary>
public sealed class PreviewController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/engagements/{engagementId:int}/digests/preview")]
    [SecurityHeadersPolicy(SecurityHeaders.InlineStyles)]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public async Task<IActionResult> Preview(int engagementId, int? member, string? date, [FromServices] DigestPreviews previews)
    {
        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == engagementId).Select(e => new { e.Name, e.ProviderId }).FirstAsync();
        var members = await db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagementId)
            .OrderBy(m => m.Role).ThenBy(m => m.Name)
            .Select(m => new PreviewMember(m.Id, m.Name, m.Email, m.Role, m.Person!.TimeZone))
            .ToListAsync();
        // Unasked, the preview shows a stakeholder's digest rather than the leader's own, which is about all their engagements.
        var chosen = members.FirstOrDefault(m => m.Id == member) ?? members.FirstOrDefault(m => m.Role != EngagementRole.AccountLeader) ?? members.FirstOrDefault();
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

        var shown = (await new DigestVisibility(db, User).Previewable().ToListAsync()).ToHashSet();
        // Opened from one engagement, it previews that engagement's part of the digest, not the person's other engagements.
        var preview = await previews.ForAsync(chosen.Email, day, id => id == engagementId && shown.Contains(id), HttpContext.RequestAborted);
        return View(new PreviewViewModel(engagementId, engagement.Name, members, chosen, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), preview, null));
    }
}

public sealed record PreviewMember(int Id, string Name, string Email, EngagementRole Role, string TimeZone);

public sealed record PreviewViewModel(
    int EngagementId,
    string EngagementName,
    IReadOnlyList<PreviewMember> Members,
    PreviewMember? Member,
    string Date,
    DigestPreview? Preview,
    string? DateError);
