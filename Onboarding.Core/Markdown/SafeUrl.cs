namespace Onboarding.Core.Markdown;

/// <summary>
/// Decides whether a link or image URL from user-written Markdown may become an href or src.
/// An allow-list of schemes, because the deny-list (javascript:, vbscript:, data:, ...) is
/// open-ended and browsers keep adding forgiving parsers.
/// </summary>
public static class SafeUrl
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var compact = Compact(url);
        var colon = compact.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        // A '/', '?' or '#' before the first ':' makes it a relative reference ("/a?b=c:d").
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true;
        }

        var scheme = compact[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a URL stays on the app's own host: a relative reference ("/a.png", "a.png"). Anything absolute is on
    /// another host, and so is a scheme-relative "//host/a.png" (browsers read a backslash there as a slash).
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var compact = Compact(url);
        if (compact.Length >= 2 && (compact[0] is '/' or '\\') && (compact[1] is '/' or '\\'))
        {
            return false;
        }

        var colon = compact.IndexOf(':');
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon);
    }

    // Browsers drop ASCII whitespace and control characters inside a URL before reading its
    // scheme, so "java\tscript:" is still javascript: and must be judged without them.
    private static string Compact(string url) => string.Concat(url.Where(c => c > ' ' && c != '\u007f'));
}
