using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Health;

/// <summary>
/// The leader's word on an engagement's health: a colour with the reason, shown beside the computed one (never
/// instead of it), or cleared to let the computed one stand. Both are in the activity log.
/// </summary>
[Route("/engagements/{engagementId:int}/health")]
public sealed class HealthController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpPost("")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    [OpenEngagementOnly]
    public async Task<IActionResult> Override(int engagementId, HealthOverrideForm form)
    {
        if (form.Colour is not null && string.IsNullOrWhiteSpace(form.Reason))
        {
            ModelState.AddModelError(nameof(form.Reason), "Say why the health differs from the computed one: readers see your reason beside it.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Refused", new HealthRefusedViewModel(engagementId, ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList()));
        }
        var engagement = await db.Engagements.FirstAsync(e => e.Id == engagementId);
        var now = clock.GetUtcNow();
        if (form.Colour is { } colour)
        {
            var reason = form.Reason!.Trim();
            (engagement.HealthOverride, engagement.HealthOverrideReason, engagement.HealthOverrideBy, engagement.HealthOverrideAt) = (colour, reason, User.DisplayName(), now);
            db.RecordActivity(User, engagementId, TextLimits.Fit($"Set the health to {colour.ToString().ToLowerInvariant()}: {reason}", TextLimits.Description), now);
            TempData["Notice"] = $"Health set to {colour.ToString().ToLowerInvariant()}; the computed health still shows beside it.";
        }
        else if (engagement.HealthOverride is not null)
        {
            (engagement.HealthOverride, engagement.HealthOverrideReason, engagement.HealthOverrideBy, engagement.HealthOverrideAt) = (null, null, null, null);
            db.RecordActivity(User, engagementId, "Cleared the health override: the computed health stands", now);
            TempData["Notice"] = "Override cleared: the computed health stands.";
        }
        await db.SaveChangesAsync();
        return Redirect($"/engagements/{engagementId}#health");
    }
}

public sealed class HealthOverrideForm
{
    /// <summary>Null clears the override.</summary>
    [Display(Name = "Health")]
    public HealthColour? Colour { get; set; }

    [TextLimit(TextLimits.Reason, "The reason")]
    [Display(Name = "Why")]
    public string? Reason { get; set; }
}

public sealed record HealthRefusedViewModel(int EngagementId, IReadOnlyList<string> Errors);
