using Microsoft.AspNetCore.Mvc;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Plan;

/// <summary>
/// Upgrading an applied template to the catalog's newer version, in two steps: a preview of every task added,
/// removed or changed (nothing saved), then a confirmation that applies exactly what was reviewed or nothing.
/// </summary>
[Route("/engagements/{engagementId:int}/plan/templates/{snapshotId:int}/upgrade")]
[EngagementRoles(EngagementRole.AccountLeader)]
[OpenEngagementOnly]
public sealed class PlanUpgradeController(OnboardingDbContext db, TemplateCatalog catalog, TimeProvider clock) : Controller
{
    private const string Page = "/Features/Plan/Upgrade.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Preview(int engagementId, int snapshotId)
    {
        var preview = await PlanUpgradeWriter.PreviewAsync(db, catalog, engagementId, snapshotId);
        return preview is null ? NotFound() : View(Page, new UpgradeViewModel(preview, Message: null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Confirm(int engagementId, int snapshotId, UpgradeForm form)
    {
        var result = await PlanUpgradeWriter.ApplyAsync(
            db, catalog, engagementId, snapshotId, new UpgradeConfirmation(form.FromVersion, form.ToVersion, form.Fingerprint),
            User.UserId(), User.DisplayName(), clock.GetUtcNow());
        switch (result.Status)
        {
            case UpgradeStatus.Applied:
                TempData["Notice"] = $"“{result.Preview!.Title}” is now at version {form.ToVersion}: {result.Message}.";
                return Redirect($"/engagements/{engagementId}/plan");
            case UpgradeStatus.NotFound:
                return NotFound();
            default:
                Response.StatusCode = result.Status == UpgradeStatus.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                return View(Page, new UpgradeViewModel(result.Preview!, result.Message));
        }
    }
}

/// <summary><see cref="Message"/> says why a confirmation was not applied.</summary>
public sealed record UpgradeViewModel(PlanUpgradePreview Preview, string? Message);

/// <summary>What the preview showed, posted back so the confirmation applies that or nothing.</summary>
public sealed class UpgradeForm
{
    public int FromVersion { get; set; }
    public int ToVersion { get; set; }
    public string Fingerprint { get; set; } = "";
}
