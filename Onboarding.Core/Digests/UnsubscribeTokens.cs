using System.Text.RegularExpressions;
using Onboarding.Core.Links;

namespace Onboarding.Core.Digests;

/// <summary>
/// A digest's unsubscribe link carries its recipient's token, which switches off their digests for every
/// engagement. A digest shown to anyone else (the outbox, a preview) carries a placeholder instead.
/// </summary>
public static partial class UnsubscribeTokens
{
    /// <summary>
    /// <paramref name="body"/> (a digest's HTML or text as mailed) with every unsubscribe link replaced by
    /// <see cref="AppLinks.UnsubscribePlaceholder"/>, whatever base address the digest was composed with.
    /// </summary>
    public static string Hide(string body, AppLinks links) => UnsubscribeLink().Replace(body, links.UnsubscribePlaceholder());

    [GeneratedRegex(@"https?://[^\s""'<>]*?/digests/unsubscribe/[A-Za-z0-9_%.~-]+")]
    private static partial Regex UnsubscribeLink();
}
