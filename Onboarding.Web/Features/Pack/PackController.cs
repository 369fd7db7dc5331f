using Microsoft.AspNetCore.Mvc;
using NetEscapades.AspNetCore.SecurityHeaders;
using Onboarding.Core.Data;
using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Pack;

/// <summary>
/// The plan pack: a PDF for the client's change-management pack, the same content as a page
/// the browser prints, and personal onboarding plans. Everything in it is already visible to
/// every member in the workspace, so every member may download it; another person's plan is
/// for account leaders.
/// </summary>
[Route("/engagements/{engagementId:int}/pack")]
public sealed class PackController(OnboardingDbContext db, TimeProvider clock, PdfRenderer renderer) : Controller
{
    private const string Pdf = "application/pdf";

    [HttpGet("")]
    [SecurityHeadersPolicy(SecurityHeaders.InlineStyles)]
    public async Task<IActionResult> Print(int engagementId, CancellationToken cancellationToken)
    {
        if (await PackLoader.LoadAsync(db, clock, engagementId, cancellationToken) is not { } pack)
        {
            return NotFound();
        }

        var access = HttpContext.EngagementAccess();
        List<PackLink> links =
        [
            new("Back to the engagement", $"/engagements/{engagementId}"),
            new("Download plan pack (PDF)", $"/engagements/{engagementId}/pack.pdf"),
        ];
        if (access.Member is not null)
        {
            links.Add(new("Download my plan (PDF)", $"/engagements/{engagementId}/pack/mine.pdf"));
        }

        if (access.IsLeader)
        {
            links.AddRange(pack.Members
                .Where(m => m.Role == EngagementRole.Recruiter && m.Id != access.Member?.Id)
                .Select(m => new PackLink($"Plan for {m.Name} (PDF)", $"/engagements/{engagementId}/pack/members/{m.Id}.pdf")));
        }

        return Content(PackHtml.Render(pack, links), "text/html; charset=utf-8");
    }

    [HttpGet("/engagements/{engagementId:int}/pack.pdf")]
    public async Task<IActionResult> Download(int engagementId, CancellationToken cancellationToken)
    {
        if (await PackLoader.LoadAsync(db, clock, engagementId, cancellationToken) is not { } pack)
        {
            return NotFound();
        }

        // The request's own token (HttpContext.RequestAborted): a client that goes away stops the render.
        return File(renderer.Render(PackComposer.Pack(pack), cancellationToken), Pdf, PackContent.PackFileName(pack));
    }

    /// <summary>The signed-in member's own plan; an administrator outside the engagement has none.</summary>
    [HttpGet("mine.pdf")]
    public async Task<IActionResult> Mine(int engagementId, CancellationToken cancellationToken) =>
        HttpContext.EngagementAccess().Member is { } member
            ? await PersonalAsync(engagementId, member.Id, cancellationToken)
            : NotFound();

    [HttpGet("members/{memberId:int}.pdf")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    public Task<IActionResult> ForMember(int engagementId, int memberId, CancellationToken cancellationToken) =>
        PersonalAsync(engagementId, memberId, cancellationToken);

    private async Task<IActionResult> PersonalAsync(int engagementId, int memberId, CancellationToken cancellationToken)
    {
        if (await PackLoader.LoadAsync(db, clock, engagementId, cancellationToken) is not { } pack || pack.MemberById(memberId) is not { } member)
        {
            return NotFound();
        }

        return File(renderer.Render(PackComposer.Personal(pack, member), cancellationToken), Pdf, PackContent.PersonalFileName(pack, member));
    }
}
