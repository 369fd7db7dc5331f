using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.MarketCards;

/// <summary>
/// A hiring location's market card. Everyone on the engagement reads it, client stakeholders included: the
/// ranges are public market figures and the ad rules bind the client's own job ads. The account leader and the
/// recruiters keep it.
/// </summary>
[Route("/engagements/{engagementId:int}/locations/{locationId:int}/market")]
public sealed class MarketCardsController(OnboardingDbContext db, TimeProvider clock, IOptions<MarketCardOptions> options) : Controller
{
    /// <summary>Blank rows offered below the filled ones, so a card grows without script.</summary>
    private const int SpareRows = 3;

    [HttpGet("")]
    public async Task<IActionResult> Show(int engagementId, int locationId)
    {
        var location = await LocationAsync(engagementId, locationId);
        if (location is null)
        {
            return NotFound();
        }
        var card = await db.MarketCards.AsNoTracking().FirstOrDefaultAsync(c => c.LocationId == locationId);
        return View(new MarketCardViewModel(engagementId, await EngagementNameAsync(engagementId), location, card, HttpContext.EngagementAccess(), card?.IsDue(clock.GetUtcNow(), options.Value.ReviewAfter) ?? false));
    }

    [HttpGet("edit")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader, EngagementRole.Recruiter)]
    public async Task<IActionResult> Edit(int engagementId, int locationId)
    {
        var location = await LocationAsync(engagementId, locationId);
        if (location is null)
        {
            return NotFound();
        }
        var card = await db.MarketCards.AsNoTracking().FirstOrDefaultAsync(c => c.LocationId == locationId);
        return View(new MarketCardEditViewModel(engagementId, await EngagementNameAsync(engagementId), location, MarketCardForm.Of(card, SpareRows)));
    }

    [HttpPost("")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader, EngagementRole.Recruiter)]
    public async Task<IActionResult> Save(int engagementId, int locationId, MarketCardForm form)
    {
        var location = await LocationAsync(engagementId, locationId);
        if (location is null)
        {
            return NotFound();
        }
        // Only our own reading counts: the binder's messages would neither name the row nor keep to our words.
        ModelState.Clear();
        var now = clock.GetUtcNow();
        var problems = new List<MarketCardDetails.Problem>();
        var details = MarketCardDetails.TryRead(form.AsInput(), Zones.DateIn(now, User.TimeZone()), problems);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
        if (details is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", new MarketCardEditViewModel(engagementId, await EngagementNameAsync(engagementId), location, form.WithSpareRows(SpareRows)));
        }

        var what = $"the market card of {location.DisplayName}";
        var card = await db.MarketCards.FirstOrDefaultAsync(c => c.LocationId == locationId);
        if (card is null)
        {
            // Nobody had a card to change when the form opened on none; if someone created one since, the unique index refuses ours.
            card = new MarketCard { LocationId = locationId, Version = 1 };
            db.MarketCards.Add(card);
        }
        else if (card.StaleEdit(form.Version ?? 0, what, User.TimeZone()) is { } stale)
        {
            return await RefuseStaleAsync(engagementId, location, form, card, stale);
        }
        details.ApplyTo(card);
        card.ChangedNowBy(User.DisplayName(), now);
        db.RecordActivity(User, engagementId, $"Reviewed {what}", now);
        if (!await db.TrySaveAsync())
        {
            var current = await db.MarketCards.AsNoTracking().FirstAsync(c => c.LocationId == locationId);
            return await RefuseStaleAsync(engagementId, location, form, current, Versioned.ChangedSince(current, what, User.TimeZone()));
        }
        TempData["Notice"] = $"The market card of {location.DisplayName} was saved and marked reviewed today.";
        return Redirect($"/engagements/{engagementId}/locations/{locationId}/market");
    }

    /// <summary>Keeps the person's own text in the form, on the newer version, to be saved over it knowingly.</summary>
    private async Task<IActionResult> RefuseStaleAsync(int engagementId, HiringLocation location, MarketCardForm form, MarketCard current, string message)
    {
        ModelState.AddModelError("", message);
        form.Version = current.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Edit", new MarketCardEditViewModel(engagementId, await EngagementNameAsync(engagementId), location, form.WithSpareRows(SpareRows)) { Current = current });
    }

    private Task<HiringLocation?> LocationAsync(int engagementId, int locationId) =>
        db.HiringLocations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId && l.EngagementId == engagementId);

    private Task<string> EngagementNameAsync(int engagementId) =>
        db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstAsync();
}

public sealed record MarketCardViewModel(int EngagementId, string EngagementName, HiringLocation Location, MarketCard? Card, EngagementAccess Access, bool DueForReview)
{
    public bool CanEdit => !Access.IsClosed && (Access.IsLeader || Access.Role == EngagementRole.Recruiter);
}

public sealed record MarketCardEditViewModel(int EngagementId, string EngagementName, HiringLocation Location, MarketCardForm Form)
{
    /// <summary>The version someone else saved while this form was open, shown above it.</summary>
    public MarketCard? Current { get; init; }
}

/// <summary>The card's form, every field as typed so a mistake in one row loses nothing in another.</summary>
public sealed class MarketCardForm
{
    /// <summary>The version the form was opened on (0 when there was no card yet), so a save over a newer one is refused.</summary>
    public int? Version { get; set; }
    public List<SalaryRow> SalaryRanges { get; set; } = [];
    public List<NoticeRow> NoticePeriods { get; set; } = [];
    public string? HiringSteps { get; set; }
    public string? PayTransparency { get; set; }
    public string? DataProtection { get; set; }
    public string? Notes { get; set; }

    public static MarketCardForm Of(MarketCard? card, int spareRows) => new MarketCardForm
    {
        Version = card?.Version ?? 0,
        SalaryRanges = [.. (card?.SalaryRanges ?? []).Select(SalaryRow.Of)],
        NoticePeriods = [.. (card?.NoticePeriods ?? []).Select(n => new NoticeRow { Tenure = n.Tenure, Notice = n.Notice })],
        HiringSteps = card?.HiringSteps,
        PayTransparency = card?.PayTransparency,
        DataProtection = card?.DataProtection,
        Notes = card?.Notes,
    }.WithSpareRows(spareRows);

    /// <summary>Rows as typed, then blank ones to fill: row numbers in messages stay those of the form.</summary>
    public MarketCardForm WithSpareRows(int spareRows)
    {
        SalaryRanges = [.. SalaryRanges.Take(MarketCardDetails.MaxSalaryRows + spareRows)];
        NoticePeriods = [.. NoticePeriods.Take(MarketCardDetails.MaxNoticeRows + spareRows)];
        var lastSalary = SalaryRanges.FindLastIndex(r => !r.AsInput().IsBlank);
        var lastNotice = NoticePeriods.FindLastIndex(r => !r.AsInput().IsBlank);
        SalaryRanges.AddRange(Enumerable.Range(0, Math.Max(0, lastSalary + 1 + spareRows - SalaryRanges.Count)).Select(_ => new SalaryRow()));
        NoticePeriods.AddRange(Enumerable.Range(0, Math.Max(0, lastNotice + 1 + spareRows - NoticePeriods.Count)).Select(_ => new NoticeRow()));
        return this;
    }

    public MarketCardInput AsInput() => new(
        [.. SalaryRanges.Select(r => r.AsInput())],
        [.. NoticePeriods.Select(r => r.AsInput())],
        HiringSteps, PayTransparency, DataProtection, Notes);

    public sealed class SalaryRow
    {
        public string? RoleFamily { get; set; }
        public string? Min { get; set; }
        public string? Max { get; set; }
        public string? Currency { get; set; }
        public string? Period { get; set; } = nameof(PayPeriod.Year);
        public string? Source { get; set; }
        public string? AsOf { get; set; }

        public static SalaryRow Of(SalaryRange r) => new()
        {
            RoleFamily = r.RoleFamily,
            Min = r.Min.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Max = r.Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Currency = r.Currency,
            Period = r.Period.ToString(),
            Source = r.Source,
            AsOf = r.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        public SalaryRangeInput AsInput() => new(RoleFamily, Min, Max, Currency, Period, Source, AsOf);
    }

    public sealed class NoticeRow
    {
        public string? Tenure { get; set; }
        public string? Notice { get; set; }

        public NoticePeriodInput AsInput() => new(Tenure, Notice);
    }
}
