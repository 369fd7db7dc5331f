using System.Globalization;

namespace Onboarding.Web.Infrastructure;

public static class HtmlTime
{
    /// <summary>
    /// A moment as a <c>datetime</c> attribute: HTML allows at most three digits of a second, not the seven of .NET's
    /// round-trip format, so it is written in UTC to the second.
    /// </summary>
    public static string ToHtmlDateTime(this DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
