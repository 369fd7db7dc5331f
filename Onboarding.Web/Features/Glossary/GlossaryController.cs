using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Glossary;

/// <summary>The engagement's one dictionary: the client's words mapped to the provider's.</summary>
[Route("/engagements/{engagementId:int}/glossary")]
public sealed class GlossaryController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId) => View(await BuildPageAsync(engagementId, new TermForm()));

    [HttpPost("")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader, EngagementRole.TaLead)]
    public async Task<IActionResult> Save(int engagementId, TermForm form)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId, form));
        }

        var now = clock.GetUtcNow();
        GlossaryTerm? term;
        if (form.Id is { } id)
        {
            term = await db.GlossaryTerms.FirstOrDefaultAsync(g => g.Id == id && g.EngagementId == engagementId);
            if (term is null)
            {
                return NotFound();
            }
            if (term.StaleEdit(form.Version, $"“{term.ClientTerm}”", User.TimeZone()) is { } stale)
            {
                return await RefuseStaleAsync(engagementId, form, term, stale);
            }
        }
        else
        {
            term = new GlossaryTerm { EngagementId = engagementId, ClientTerm = "" };
            db.GlossaryTerms.Add(term);
        }
        term.ClientTerm = form.ClientTerm.Trim();
        term.ProviderTerm = form.ProviderTerm?.Trim() ?? "";
        term.Definition = form.Definition.Trim();
        term.Agreed = form.Agreed;
        term.UpdatedAt = now;
        term.ChangedNowBy(User.DisplayName(), now);
        db.RecordActivity(User, engagementId, $"{(form.Id is null ? "Added" : "Updated")} the glossary term “{term.ClientTerm}”{(term.Agreed ? " (agreed)" : "")}", now);
        if (!await db.TrySaveAsync())
        {
            var current = await db.GlossaryTerms.AsNoTracking().FirstAsync(g => g.Id == term.Id);
            return await RefuseStaleAsync(engagementId, form, current, Versioned.ChangedSince(current, $"“{current.ClientTerm}”", User.TimeZone()));
        }
        TempData["Notice"] = $"“{term.ClientTerm}” saved.";
        return Redirect($"/engagements/{engagementId}/glossary");
    }

    /// <summary>Shows the newer version in the list and the person's own text in the form, to be saved over it knowingly.</summary>
    private async Task<IActionResult> RefuseStaleAsync(int engagementId, TermForm form, GlossaryTerm current, string message)
    {
        ModelState.AddModelError("", message);
        form.Version = current.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Index", await BuildPageAsync(engagementId, form));
    }

    private async Task<GlossaryViewModel> BuildPageAsync(int engagementId, TermForm form)
    {
        var name = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstAsync();
        var terms = await db.GlossaryTerms.AsNoTracking().Where(g => g.EngagementId == engagementId).OrderBy(g => g.ClientTerm).ToListAsync();
        return new GlossaryViewModel(engagementId, name, terms, HttpContext.EngagementAccess(), form);
    }
}

public sealed record GlossaryViewModel(int EngagementId, string EngagementName, IReadOnlyList<GlossaryTerm> Terms, EngagementAccess Access, TermForm Form)
{
    public bool CanEdit => Access.IsLeader || Access.Role == EngagementRole.TaLead;

    /// <summary>Where the glossary contradicts itself; indexes into <see cref="Terms"/>.</summary>
    public IReadOnlyList<GlossaryFlag> Flags { get; } = GlossaryCheck.FindIn(Terms);

    /// <summary>The flags involving the term at <paramref name="index"/>, each said once beside each of its two terms.</summary>
    public IEnumerable<GlossaryFlag> FlagsOf(int index) => Flags.Where(f => f.Involves(index));
}

public sealed class TermForm
{
    public int? Id { get; set; }

    /// <summary>The version the form was opened on, so a save over someone else's newer one is refused.</summary>
    public int? Version { get; set; }

    [Required(ErrorMessage = "Enter the client's term.")]
    [TextLimit(TextLimits.Name, "The client's term")]
    [Display(Name = "Client's term")]
    public string ClientTerm { get; set; } = "";

    [TextLimit(TextLimits.Name, "The provider's term")]
    [Display(Name = "Provider's term")]
    public string? ProviderTerm { get; set; }

    [Required(ErrorMessage = "Write the meaning both sides agree on (or propose one).")]
    [StringLength(4000, ErrorMessage = "Keep the definition under 4,000 characters.")]
    [Display(Name = "Definition (Markdown)")]
    [MarkdownInput("Definition")]
    public string Definition { get; set; } = "";

    [Display(Name = "Both sides have agreed this definition")]
    public bool Agreed { get; set; }
}
