using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.Pulses;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Pulse;

/// <summary>
/// A pulse answered from the mail without signing in. The link's token is the pulse's alone (person-bound: only its
/// hash is stored, and it names one member); the first answer counts and later ones change nothing.
/// </summary>
public sealed class PulseController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    public const string PulseRoute = "/pulse/{token}";

    /// <summary>
    /// The page a score in the mail opens, with that score chosen; a GET records nothing, because mail scanners open
    /// every link of a mail before its reader does and would answer for them. One button on the page records it.
    /// </summary>
    [AllowAnonymous]
    [HttpGet(PulseRoute)]
    public async Task<IActionResult> Show(string token, int? score)
    {
        if (await FindAsync(token) is not { } found)
        {
            return Unknown();
        }
        var chosen = score is >= PulseRules.MinScore and <= PulseRules.MaxScore ? score : null;
        return Page(found, new PulseAnswerForm { Score = chosen });
    }

    [AllowAnonymous]
    [HttpPost(PulseRoute)]
    public async Task<IActionResult> Answer(string token, PulseAnswerForm form)
    {
        if (await FindAsync(token) is not { } found)
        {
            return Unknown();
        }
        if (found.Pulse.AnsweredAt is not null || clock.GetUtcNow() >= found.Pulse.ExpiresAt || found.Closed)
        {
            return Page(found, form);
        }
        if (form.Score is not (>= PulseRules.MinScore and <= PulseRules.MaxScore))
        {
            ModelState.AddModelError(nameof(form.Score), "Choose how well it is going, from 1 (badly) to 5 (very well).");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page(found, form);
        }
        var comment = form.Comment?.Trim() ?? "";
        var outcome = await PulseAnswers.AnswerAsync(db, found.Pulse, form.Score!.Value, comment, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (outcome == PulseAnswerOutcome.Recorded)
        {
            return View("Pulse", new PulsePageViewModel(PulsePageState.Thanks, "", found.Name, found.Engagement, found.Pulse, form));
        }
        // Lost a race with another answer through the same link: show the answer that counts.
        return Page(await FindAsync(token) ?? found, form);
    }

    private IActionResult Page(FoundPulse found, PulseAnswerForm form)
    {
        var state = found.Pulse.AnsweredAt is not null ? PulsePageState.AlreadyAnswered
            : clock.GetUtcNow() >= found.Pulse.ExpiresAt ? PulsePageState.Expired
            : found.Closed ? PulsePageState.EngagementClosed
            : PulsePageState.Open;
        Response.StatusCode = state switch
        {
            PulsePageState.Expired or PulsePageState.EngagementClosed => StatusCodes.Status410Gone,
            PulsePageState.AlreadyAnswered when HttpMethods.IsPost(Request.Method) => StatusCodes.Status409Conflict,
            _ => Response.StatusCode,
        };
        return View("Pulse", new PulsePageViewModel(state, found.Token, found.Name, found.Engagement, found.Pulse, form));
    }

    private ViewResult Unknown()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Pulse", new PulsePageViewModel(PulsePageState.Unknown, "", "", "", null, new PulseAnswerForm()));
    }

    /// <summary>The pulse a token stands for; null for an unknown or malformed token, or a locked person's, whose links stop working.</summary>
    private async Task<FoundPulse?> FindAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > TextLimits.Token)
        {
            return null;
        }
        var hash = Secrets.Hash(token);
        var found = await db.Pulses.AsNoTracking()
            .Where(p => p.TokenHash == hash)
            .Select(p => new { Pulse = p, p.Member!.Person!.Name, Engagement = p.Engagement!.Name, p.Engagement.Status, p.Member.User })
            .FirstOrDefaultAsync();
        return found is null || found.User?.IsLockedAt(clock.GetUtcNow()) == true ? null : new FoundPulse(found.Pulse, token, found.Name, found.Engagement, found.Status == EngagementStatus.Closed);
    }

    /// <param name="Closed">The engagement has ended: an answer would feed a metric and a log nobody runs any more.</param>
    private sealed record FoundPulse(Core.Governance.Pulses.Pulse Pulse, string Token, string Name, string Engagement, bool Closed);
}

public enum PulsePageState
{
    Open,
    Thanks,
    AlreadyAnswered,
    Expired,
    EngagementClosed,
    Unknown,
}

public sealed record PulsePageViewModel(PulsePageState State, string Token, string Name, string Engagement, Core.Governance.Pulses.Pulse? Pulse, PulseAnswerForm Form);

public sealed class PulseAnswerForm
{
    [Display(Name = "How well is it going")]
    public int? Score { get; set; }

    [TextLimit(TextLimits.Note, "The comment")]
    public string? Comment { get; set; }
}
