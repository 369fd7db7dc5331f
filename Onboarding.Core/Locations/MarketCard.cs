using Onboarding.Core.Engagements;

namespace Onboarding.Core.Locations;

/// <summary>
/// What a recruiter must know about hiring in one location: pay by role family, notice periods, how hiring
/// runs, the rules for job ads and for sourcing candidates. Kept by the account leader and the recruiters;
/// every save is a review, so <see cref="IVersioned.ChangedAt"/> says how current the card is.
/// </summary>
public sealed class MarketCard : IVersioned
{
    public int Id { get; set; }
    public int LocationId { get; set; }
    public HiringLocation? Location { get; set; }

    /// <summary>Stored as one JSON column: the rows are only ever read and written with their card.</summary>
    public List<SalaryRange> SalaryRanges { get; set; } = [];
    public List<NoticePeriod> NoticePeriods { get; set; } = [];

    /// <summary>Typical hiring steps and levels, Markdown.</summary>
    public string HiringSteps { get; set; } = "";

    /// <summary>The pay-transparency rules that apply to job ads, Markdown.</summary>
    public string PayTransparency { get; set; } = "";

    /// <summary>Data-protection notes for sourcing candidates, Markdown.</summary>
    public string DataProtection { get; set; } = "";
    public string Notes { get; set; } = "";

    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Whether the card has gone unreviewed longer than <paramref name="maxAge"/> (one never saved by a person has).</summary>
    public bool IsDue(DateTimeOffset now, TimeSpan maxAge) => IsDue(ChangedAt, now, maxAge);

    /// <summary>The same rule for a card's review time read on its own (the digest reads no cards).</summary>
    public static bool IsDue(DateTimeOffset? reviewedAt, DateTimeOffset now, TimeSpan maxAge) => reviewedAt is not { } at || now - at > maxAge;
}

public enum PayPeriod
{
    Year,
    Month,
    Hour,
}

/// <summary>A pay range for a role family, as published by <see cref="Source"/> on <see cref="AsOf"/>.</summary>
public sealed record SalaryRange(string RoleFamily, decimal Min, decimal Max, string Currency, PayPeriod Period, string Source, DateOnly AsOf);

/// <summary>How much notice people give, e.g. tenure "under 1 year", notice "1 month".</summary>
public sealed record NoticePeriod(string Tenure, string Notice);
