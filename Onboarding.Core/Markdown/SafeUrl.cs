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

        // Browsers drop ASCII whitespace and control characters inside a URL before reading its
        // scheme, so "java\tscript:" is still javascript: and must be judged without them.
        var compact = string.Concat(url.Where(c => c > ' ' && c != '\u007f'));
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
}
