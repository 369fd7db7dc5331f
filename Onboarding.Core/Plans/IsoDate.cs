using System.Globalization;

namespace Onboarding.Core.Plans;

internal static class IsoDate
{
    /// <summary>YYYY-MM-DD whatever the current culture, whose calendar may not even be Gregorian.</summary>
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
