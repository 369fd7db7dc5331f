using System.Globalization;
using Onboarding.Core.Time;

namespace Onboarding.Core.Locations;

/// <summary>The card's words, shared by its page, the plan pack and the personal plan, so all say the same.</summary>
public static class MarketCardText
{
    public const string HiringSteps = "Hiring steps and levels";
    public const string PayTransparency = "Pay transparency in job ads";
    public const string DataProtection = "Data protection when sourcing";
    public const string Notes = "Notes";
    public const string Indicative = "Figures are indicative: check them against their source before quoting them.";

    public static IReadOnlyList<string> SalaryColumns { get; } = ["Role family", "Range", "Source", "As of"];

    public static IReadOnlyList<string> NoticeColumns { get; } = ["Who", "Notice"];

    public static string Heading(string locationName) => $"Market card: {locationName}";

    /// <summary>The Markdown sections in reading order, with an id for pages.</summary>
    public static IEnumerable<(string Id, string Title, string Text)> Sections(MarketCard card) =>
    [
        ("hiring-steps", HiringSteps, card.HiringSteps),
        ("pay-transparency", PayTransparency, card.PayTransparency),
        ("data-protection", DataProtection, card.DataProtection),
        ("notes", Notes, card.Notes),
    ];

    public static string Per(PayPeriod period) => period switch
    {
        PayPeriod.Month => "month",
        PayPeriod.Hour => "hour",
        _ => "year",
    };

    /// <summary>"1,800,000–3,200,000 INR per year": digits grouped the invariant way, as readers in four countries all read it.</summary>
    public static string Range(SalaryRange range) =>
        string.Create(CultureInfo.InvariantCulture, $"{range.Min:#,0.##}–{range.Max:#,0.##} {range.Currency} per {Per(range.Period)}");

    public static string AsOf(SalaryRange range) => range.AsOf.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string ReviewedOn(DateTimeOffset at, string timeZone) =>
        Zones.DateIn(at, timeZone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Reviewed(MarketCard card, string timeZone) => card.ChangedAt is { } at
        ? $"Last reviewed by {card.ChangedBy ?? "someone"} on {ReviewedOn(at, timeZone)}."
        : "Not reviewed yet.";
}
