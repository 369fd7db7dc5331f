using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.Pulses;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Pulses;

/// <summary>
/// The leader's view of an engagement's pulses: which milestones ask for one, who was asked, what they answered,
/// and the "we did" that the respondent's next digest carries. Leaders only: an answer is given to the provider.
/// </summary>
[Route("/engagements/{engagementId:int}/pulses")]
[EngagementRoles(EngagementRole.AccountLeader)]
public sealed class PulsesController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId) => View(await BuildPageAsync(engagementId));

    /// <summary>Every milestone gets the leader's explicit choice, ticked or not; the default only holds until the first save.</summary>
    [HttpPost("milestones")]
    [OpenEngagementOnly]
    public async Task<IActionResult> Milestones(int engagementId, MilestonePulsesForm form)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(form.Ask), "Tick milestones from the list; nothing was changed.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId));
        }
        var ticked = (form.Ask ?? []).ToHashSet();
        var milestones = await db.Milestones.Where(m => m.EngagementId == engagementId).ToListAsync();
        foreach (var milestone in milestones)
        {
            milestone.PulseAfter = ticked.Contains(milestone.Id);
        }
        await db.SaveChangesAsync();
        return Redirect($"/engagements/{engagementId}/pulses#milestones");
    }

    [HttpPost("{pulseId:int}/response")]
    [OpenEngagementOnly]
    public async Task<IActionResult> Respond(int engagementId, int pulseId, PulseResponseForm form)
    {
        var pulse = await db.Pulses.FirstOrDefaultAsync(p => p.Id == pulseId && p.EngagementId == engagementId && p.AnsweredAt != null);
        if (pulse is null)
        {
            return NotFound();
        }
        var response = form.Response?.Trim() ?? "";
        if (response.Length == 0)
        {
            ModelState.AddModelError(nameof(form.Response), "Say what you did about the answer: it goes to them in their next digest.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId, (pulseId, form)));
        }
        if (!pulse.Respond(response, User.DisplayName(), clock.GetUtcNow()))
        {
            ModelState.AddModelError(nameof(form.Response), "Their digest has already told them your response, so it stays as it was.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Index", await BuildPageAsync(engagementId, (pulseId, form)));
        }
        await db.SaveChangesAsync();
        return Redirect($"/engagements/{engagementId}/pulses#pulse-{pulseId}");
    }

    private async Task<PulsesViewModel> BuildPageAsync(int engagementId, (int PulseId, PulseResponseForm Form)? rejected = null)
    {
        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == engagementId).Select(e => new { e.Name, e.Status }).FirstAsync();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.EngagementId == engagementId).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync();
        var pulses = await db.Pulses.AsNoTracking()
            .Where(p => p.EngagementId == engagementId)
            .OrderByDescending(p => p.Id)
            .Select(p => new PulseRow(p, p.Member!.Person!.Name, p.Member.Role))
            .ToListAsync();
        return new PulsesViewModel(
            engagementId, engagement.Name, engagement.Status == EngagementStatus.Closed,
            milestones.Select(m => new MilestoneRow(m.Id, m.Title, m.Date, m.ReachedAt is not null, m.AsksPulse())).ToList(),
            pulses, rejected);
    }
}

public sealed record PulsesViewModel(
    int EngagementId, string EngagementName, bool IsClosed, IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<PulseRow> Pulses,
    (int PulseId, PulseResponseForm Form)? Rejected)
{
    public int Sent => Pulses.Count(p => p.Pulse.SentAt is not null);

    public int Answered => Pulses.Count(p => p.Pulse.Score is not null);

    public decimal? Average => Answered == 0 ? null : PulseRules.Average(Pulses.Where(p => p.Pulse.Score is not null).Select(p => p.Pulse.Score!.Value).ToList());
}

public sealed record MilestoneRow(int Id, string Title, DateOnly Date, bool Reached, bool AsksPulse);

public sealed record PulseRow(Core.Governance.Pulses.Pulse Pulse, string Name, EngagementRole Role);

public sealed class MilestonePulsesForm
{
    /// <summary>The ticked milestones; those not sent are unticked.</summary>
    public List<int>? Ask { get; set; }
}

public sealed class PulseResponseForm
{
    [Display(Name = "What we did")]
    [TextLimit(TextLimits.Description, "The response")]
    public string? Response { get; set; }
}
