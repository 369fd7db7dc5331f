using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Portfolio;

/// <summary>
/// Every engagement a provider administrator's organisation runs, or an account leader leads, with its health.
/// Sorting and filtering come from the query string, so it works without script and a view can be linked.
/// </summary>
[Route("/portfolio")]
public sealed class PortfolioController(OnboardingDbContext db, PortfolioEngagements portfolio, EngagementStandings standings, TimeProvider clock) : Controller
{
    /// <summary>Health is known for every engagement (to sort and filter them all); a page shows this many.</summary>
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(PortfolioQuery query, CancellationToken cancellationToken)
    {
        if (!User.MayLaunch())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var entries = await portfolio.GetAsync(db, User.OrganisationId(), User.IsAdministrator() ? null : User.UserId(), cancellationToken);
        var keys = entries.Where(e => query.Closed == true || e.Active).Select(e => e.Key).ToList();
        // The client's name is kept with the standing: organisations are named once, at launch, and never renamed.
        var rows = query.Matching(await standings.GetAsync(db, keys, clock.GetUtcNow(), cancellationToken));
        var sorted = query.Apply(rows);
        var pages = Math.Max(1, (sorted.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        return View(new PortfolioViewModel(sorted.Skip((page - 1) * PageSize).Take(PageSize).ToList(), query, rows.Count, sorted.Count, page, pages));
    }
}

public enum PortfolioSort
{
    Health,
    Name,
    Day,
    GoLive,
    NextMilestone,
    Slip,
    ClientOverdue,
    ProviderOverdue,
    Escalations,
}

public sealed class PortfolioQuery
{
    public PortfolioSort Sort { get; set; } = PortfolioSort.Health;

    /// <summary>Descending; the default puts the reddest first.</summary>
    public bool Desc { get; set; } = true;

    public HealthColour? Health { get; set; }

    public bool? Closed { get; set; }

    public string? Q { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>The rows whose engagement or client name contains <see cref="Q"/>, in any case.</summary>
    public IReadOnlyList<EngagementStanding> Matching(IReadOnlyList<EngagementStanding> rows)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return rows;
        }
        var q = Q.Trim();
        return rows.Where(r => r.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase) || r.ClientName.Contains(q, StringComparison.CurrentCultureIgnoreCase)).ToList();
    }

    public IReadOnlyList<EngagementStanding> Apply(IReadOnlyList<EngagementStanding> rows)
    {
        // Keys worked out once per row (not per comparison): the portfolio sorts a thousand rows on every request.
        var keyed = (Health is { } colour ? rows.Where(r => r.Shown == colour) : rows).Select(r => (Key: KeyOf(r), Row: r)).ToArray();
        var direction = Desc ? -1 : 1;
        Array.Sort(keyed, (a, b) =>
        {
            var order = Sort == PortfolioSort.Name
                ? StringComparer.OrdinalIgnoreCase.Compare(a.Row.Name, b.Row.Name)
                : a.Key.CompareTo(b.Key);
            if (order != 0)
            {
                return order * direction;
            }
            order = StringComparer.OrdinalIgnoreCase.Compare(a.Row.Name, b.Row.Name);
            return order != 0 ? order : a.Row.Id.CompareTo(b.Row.Id);
        });
        return keyed.Select(k => k.Row).ToList();
    }

    /// <summary>The number a row sorts by; sorting by name compares the names themselves.</summary>
    private int KeyOf(EngagementStanding r) => Sort switch
    {
        PortfolioSort.Name => 0,
        PortfolioSort.Day => r.Day,
        PortfolioSort.GoLive => r.GoLive.DayNumber,
        PortfolioSort.NextMilestone => (r.NextMilestoneDate ?? DateOnly.MaxValue).DayNumber,
        PortfolioSort.Slip => r.SlipWorkingDays,
        PortfolioSort.ClientOverdue => r.ClientOverdue,
        PortfolioSort.ProviderOverdue => r.ProviderOverdue,
        PortfolioSort.Escalations => r.OpenEscalations,
        _ => (int)r.Shown * 1000 + (int)r.Computed.Colour,
    };

    /// <summary>The link for a column header: the same filters, sorted by <paramref name="sort"/>, flipping direction on the current column.</summary>
    public string LinkFor(PortfolioSort sort) =>
        Link(sort, sort == Sort ? !Desc : sort is PortfolioSort.Health or PortfolioSort.Slip or PortfolioSort.ClientOverdue or PortfolioSort.ProviderOverdue or PortfolioSort.Escalations, 1);

    /// <summary>The link to another page of the same view.</summary>
    public string LinkTo(int page) => Link(Sort, Desc, page);

    private string Link(PortfolioSort sort, bool desc, int page)
    {
        var parts = new List<string> { $"sort={sort}", $"desc={(desc ? "true" : "false")}" };
        if (page > 1)
        {
            parts.Add($"page={page}");
        }
        if (Health is { } h)
        {
            parts.Add($"health={h}");
        }
        if (Closed == true)
        {
            parts.Add("closed=true");
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add($"q={Uri.EscapeDataString(Q)}");
        }
        return "/portfolio?" + string.Join("&", parts);
    }
}

public sealed record PortfolioViewModel(IReadOnlyList<EngagementStanding> Rows, PortfolioQuery Query, int Total, int Matching, int Page, int PageCount);
