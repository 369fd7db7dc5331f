using System.Globalization;

namespace Onboarding.Core.Locations;

/// <summary>Language tags as .NET's culture data knows them (BCP 47: "pl", "hi-IN", "fr-CA").</summary>
public static class Languages
{
    /// <summary>The tag as the culture data spells it, or null when it names no known language.</summary>
    public static string? Normalise(string? tag)
    {
        var trimmed = tag?.Trim() ?? "";
        if (trimmed.Length is 0 or > Data.TextLimits.LanguageTag)
        {
            return null;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(trimmed, predefinedOnly: true);
            return culture.Equals(CultureInfo.InvariantCulture) ? null : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    public static string NameOf(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }
}
