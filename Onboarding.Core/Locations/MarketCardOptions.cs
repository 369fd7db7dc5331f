namespace Onboarding.Core.Locations;

public sealed class MarketCardOptions
{
    public const string Section = "MarketCards";

    /// <summary>A card unreviewed this long is flagged in the account leader's digest: pay and rules move within a year.</summary>
    public TimeSpan ReviewAfter { get; set; } = TimeSpan.FromDays(180);
}
