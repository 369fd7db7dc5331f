using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Onboarding.Core.Digests;

/// <summary>
/// Renders the what/why texts and glossary definitions for mail: raw HTML is shown as text and
/// only http, https and mailto links survive (anything else keeps its text but loses the link).
/// Stands in until the shared renderer in Onboarding.Core.Markdown is available.
/// </summary>
internal static class MailMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsAllowed(link.Url))
            {
                Unwrap(link);
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
        return document.ToHtml(Pipeline);
    }

    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static bool IsAllowed(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);

    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            // An image's children are its alt text.
            link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
            return;
        }
        foreach (var child in link.ToList())
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }
}
