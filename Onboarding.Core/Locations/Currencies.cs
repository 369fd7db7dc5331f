using System.Globalization;

namespace Onboarding.Core.Locations;

/// <summary>
/// ISO 4217 codes of the currencies countries use, as the culture data knows them: a salary is paid in a
/// country's currency, so codes no region uses (XAU, XDR) are refused with the typos.
/// </summary>
public static class Currencies
{
    private static readonly HashSet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => c.Name.Length == 0 ? null : TryRegion(c.Name)?.ISOCurrencySymbol)
        .OfType<string>()
        .Where(code => code.Length == 3 && code.All(char.IsAsciiLetterUpper))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The code as stored ("PLN" for " pln "), or null when no country's culture data uses it.</summary>
    public static string? Normalise(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant() ?? "";
        return Codes.Contains(upper) ? upper : null;
    }

    private static RegionInfo? TryRegion(string culture)
    {
        try
        {
            return new RegionInfo(culture);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
