using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Wins;

/// <summary>Milestones reached and targets hit appear here by themselves; anyone can add kudos.</summary>
[Route("/engagements/{engagementId:int}/wins")]
public sealed class WinsController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId, int page = 1) => View(await BuildPageAsync(engagementId, new KudosForm(), page));

    [HttpPost("")]
    [OpenEngagementOnly]
    public async Task<IActionResult> AddKudos(int engagementId, KudosForm form)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId, form, 1));
        }
        var now = clock.GetUtcNow();
        db.Wins.Add(new Win
        {
            EngagementId = engagementId,
            Kind = WinKind.Kudos,
            Title = form.Title.Trim(),
            Body = form.Body?.Trim() ?? "",
            AuthorUserId = User.UserId(),
            AuthorName = User.DisplayName(),
            CreatedAt = now,
        });
        db.RecordActivity(User, engagementId, $"Gave kudos: {form.Title.Trim()}", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = "Kudos posted. Thank you for noticing.";
        return Redirect($"/engagements/{engagementId}/wins");
    }

    private async Task<WinsViewModel> BuildPageAsync(int engagementId, KudosForm form, int page)
    {
        var name = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstAsync();
        var query = db.Wins.AsNoTracking().Where(w => w.EngagementId == engagementId);
        var total = await query.CountAsync();
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var wins = await query.OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        return new WinsViewModel(engagementId, name, wins, form, page, (total + PageSize - 1) / PageSize);
    }
}

public sealed record WinsViewModel(int EngagementId, string EngagementName, IReadOnlyList<Win> Wins, KudosForm Form, int Page, int PageCount);

public sealed class KudosForm
{
    [Required(ErrorMessage = "Say who or what deserves the kudos.")]
    [TextLimit(TextLimits.Title, "The kudos")]
    public string Title { get; set; } = "";

    [StringLength(2000, ErrorMessage = "Keep the kudos text under 2,000 characters.")]
    [MarkdownInput("Kudos text")]
    public string? Body { get; set; }
}
