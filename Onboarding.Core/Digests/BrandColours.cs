using System.Globalization;
using System.Text.RegularExpressions;

namespace Onboarding.Core.Digests;

/// <summary>Brand colours go into inline styles, so only a plain hex colour is let through.</summary>
internal static partial class BrandColours
{
    public const string Fallback = "#1f4e79";

    public static string OrFallback(string? colour)
    {
        if (colour is null || !HexColour().IsMatch(colour))
        {
            return Fallback;
        }
        var hex = colour.ToLowerInvariant();
        return hex.Length == 4 ? $"#{hex[1]}{hex[1]}{hex[2]}{hex[2]}{hex[3]}{hex[3]}" : hex;
    }

    /// <summary>Black or white, whichever reads better on <paramref name="colour"/> (a value from <see cref="OrFallback"/>).</summary>
    public static string TextOn(string colour)
    {
        var rgb = int.Parse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        double Linear(int shift)
        {
            var c = ((rgb >> shift) & 0xff) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Linear(16) + 0.7152 * Linear(8) + 0.0722 * Linear(0);
        // WCAG contrast against white is (1.05)/(L+0.05), against black (L+0.05)/0.05; they cross at L≈0.179.
        return luminance > 0.179 ? "#000000" : "#ffffff";
    }

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColour();
}
