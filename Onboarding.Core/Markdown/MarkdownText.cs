using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Onboarding.Core.Markdown;

/// <summary>
/// The one Markdown dialect of the app (what/why texts, glossary definitions), rendered so
/// that user-written text cannot inject script: raw HTML is off and links keep only
/// http, https, mailto and relative targets.
/// </summary>
public static class MarkdownText
{
    // Building a pipeline walks every extension; it is immutable afterwards and safe to share.
    internal static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UsePipeTables()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    internal static MarkdownDocument Parse(string? markdown) => Markdig.Markdown.Parse(markdown ?? "", Pipeline);

    /// <summary>HTML that is safe to emit unencoded in a Razor view.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        using var writer = new StringWriter();
        // A renderer holds per-document state, so each call gets its own.
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkInlineRenderer());
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkInlineRenderer());
        renderer.Render(Parse(markdown));
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The text without markup, for the text part of a mail.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, Pipeline).TrimEnd();

    private sealed class SafeLinkInlineRenderer : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            if (!SafeUrl.IsAllowed(url))
            {
                // The words stay readable; only the target is dropped.
                renderer.WriteChildren(link);
            }
            else if (link.IsImage && !SafeUrl.IsLocal(url))
            {
                // An image from another host would tell that host who reads the page or mail, and when: it becomes
                // a link, its alt text (or else its address) the words.
                renderer.Write("<a href=\"").WriteEscapeUrl(url).Write("\">");
                if (link.FirstChild is null)
                {
                    renderer.WriteEscape(url);
                }
                else
                {
                    renderer.WriteChildren(link);
                }
                renderer.Write("</a>");
            }
            else
            {
                base.Write(renderer, link);
            }
        }
    }

    private sealed class SafeAutolinkInlineRenderer : AutolinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline link)
        {
            if (link.IsEmail || SafeUrl.IsAllowed(link.Url))
            {
                base.Write(renderer, link);
            }
            else
            {
                renderer.WriteEscape(link.Url);
            }
        }
    }
}
