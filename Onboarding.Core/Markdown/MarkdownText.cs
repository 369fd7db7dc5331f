using System.Globalization;
using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Onboarding.Core.Markdown;

/// <summary>
/// The one Markdown dialect of the app (what/why texts, glossary definitions), rendered so
/// that user-written text cannot inject script: raw HTML is off and links keep only
/// http, https, mailto and relative targets.
/// </summary>
/// <remarks>
/// Stored text never breaks a page: text that is too long or nested too deep, or that Markdig
/// fails on, is shown as escaped plain text and a warning is logged. <see cref="Problem"/> is
/// the same rule for input, so forms and templates refuse such text with a message.
/// </remarks>
public static class MarkdownText
{
    /// <summary>The most levels of quotes or lists inside each other, and of emphasis or links inside each other.</summary>
    public const int MaxNesting = 20;

    /// <summary>The longest text rendered as Markdown; above every form's limit, so only older or imported text is longer.</summary>
    public const int MaxLength = 10_000;

    // Markdig gives up at 128 levels, and the work before it does grows with the depth
    // (10,000 '-' take half a second); text estimated deeper than this is not parsed at all.
    private const int ParseLimit = 100;

    // Building a pipeline walks every extension; it is immutable afterwards and safe to share.
    internal static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UsePipeTables()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    // Views, the PDF layer and digests render through these static helpers, where no container
    // reaches; each host hands over its logger once it is built (see LogTo).
    private static ILogger s_logger = NullLogger.Instance;

    /// <summary>Where render failures are reported; called once by each host after it is built.</summary>
    public static void LogTo(ILoggerFactory loggers) => s_logger = loggers.CreateLogger(typeof(MarkdownText).FullName!);

    /// <summary>
    /// What is wrong with <paramref name="text"/> as Markdown input, as a sentence for the person who
    /// wrote it; null when it is fine. Text that passes renders as Markdown everywhere.
    /// </summary>
    public static string? Problem(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var limit = Math.Min(maxLength, MaxLength);
        return text.Length > limit
            ? Invariant($"It is {text.Length:N0} characters long; at most {limit:N0} are allowed.")
            : Read(text, out _);
    }

    /// <summary>The parsed text, or null (with a warning logged) when it must be shown as plain text.</summary>
    internal static MarkdownDocument? Parse(string? markdown)
    {
        if (Read(markdown ?? "", out var document) is { } problem)
        {
            Fallback(markdown!, problem);
        }

        return document;
    }

    /// <summary>HTML that is safe to emit unencoded in a Razor view.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        if (Parse(markdown) is not { } document)
        {
            return EscapedHtml(markdown);
        }

        try
        {
            using var writer = new StringWriter();
            // A renderer holds per-document state, so each call gets its own.
            var renderer = new HtmlRenderer(writer);
            Pipeline.Setup(renderer);
            renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkInlineRenderer());
            renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkInlineRenderer());
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fallback(markdown, $"Markdig could not render it: {e.Message}");
            return EscapedHtml(markdown);
        }
    }

    /// <summary>The text without markup, for the text part of a mail and the calendar feed.</summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        if (Parse(markdown) is not { } document)
        {
            return markdown.TrimEnd();
        }

        try
        {
            // A line break inside a paragraph is where the writer's editor wrapped, not a break the reader needs:
            // plain text lets the reader's app wrap. Paragraphs, headings and lists keep a blank line between them.
            foreach (var softBreak in document.Descendants<LineBreakInline>().Where(b => !b.IsHard).ToList())
            {
                softBreak.ReplaceBy(new LiteralInline(" "));
            }
            var blocks = new List<string>();
            foreach (var block in document)
            {
                using var writer = new StringWriter();
                var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
                Pipeline.Setup(renderer);
                renderer.Render(block);
                writer.Flush();
                if (writer.ToString().Trim() is { Length: > 0 } text)
                {
                    blocks.Add(text);
                }
            }
            return string.Join("\n\n", blocks);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fallback(markdown, $"Markdig could not render it: {e.Message}");
            return markdown.TrimEnd();
        }
    }

    /// <summary>
    /// An upper bound on how deep the quotes and lists of any line go, found without parsing:
    /// the '&gt;' and list markers that open the line, plus a level for every two columns of
    /// indent, the least a nested list item needs. Linear in the text.
    /// </summary>
    internal static int BlockDepthEstimate(string text)
    {
        var deepest = 0;
        var i = 0;
        while (i < text.Length)
        {
            var markers = 0;
            var columns = 0;
            while (i < text.Length)
            {
                var c = text[i];
                var marker = c == '>' ? 1 : ListMarkerLength(text, i);
                if (c == ' ')
                {
                    columns++;
                    i++;
                }
                else if (c == '\t')
                {
                    columns += 4;
                    i++;
                }
                else if (marker > 0)
                {
                    markers++;
                    i += marker;
                    // The space that ends a marker belongs to it, not to the indent.
                    if (i < text.Length && text[i] is ' ' or '\t')
                    {
                        i++;
                    }
                }
                else
                {
                    break;
                }
            }

            deepest = Math.Max(deepest, markers + (columns / 2));
            var next = text.IndexOf('\n', i);
            i = next < 0 ? text.Length : next + 1;
        }

        return deepest;
    }

    private static string? Read(string markdown, out MarkdownDocument? document)
    {
        document = null;
        if (markdown.Length > MaxLength)
        {
            return Invariant($"It is {markdown.Length:N0} characters long; at most {MaxLength:N0} are shown formatted.");
        }

        if (BlockDepthEstimate(markdown) is var estimate && estimate > ParseLimit)
        {
            return Deep(estimate);
        }

        MarkdownDocument parsed;
        try
        {
            parsed = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"It cannot be read as Markdown: {e.Message}";
        }

        var (blocks, inlines) = Depth(parsed);
        if (blocks > MaxNesting)
        {
            return Deep(blocks);
        }

        if (inlines > MaxNesting)
        {
            return Invariant($"Emphasis, links or brackets are nested {inlines} levels deep; at most {MaxNesting} levels are allowed.");
        }

        document = parsed;
        return null;
    }

    private static string Deep(int levels) =>
        Invariant($"Nested {levels} levels deep; at most {MaxNesting} levels of quotes or lists are allowed.");

    /// <summary>How deep quotes and lists, and separately emphasis, links and brackets, go inside each other.</summary>
    /// <remarks>A loop with its own stack: the inlines of a paragraph may nest thousands deep.</remarks>
    private static (int Blocks, int Inlines) Depth(MarkdownDocument document)
    {
        var (blocks, inlines) = (0, 0);
        var pending = new Stack<(MarkdownObject Node, int Blocks, int Inlines)>();
        pending.Push((document, 0, 0));
        while (pending.Count > 0)
        {
            var (node, blockDepth, inlineDepth) = pending.Pop();
            blocks = Math.Max(blocks, blockDepth);
            inlines = Math.Max(inlines, inlineDepth);
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, blockDepth + (child is QuoteBlock or ListBlock ? 1 : 0), 0));
                    }

                    break;
                case LeafBlock { Inline: { } root }:
                    pending.Push((root, blockDepth, 0));
                    break;
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                    {
                        if (child is ContainerInline)
                        {
                            pending.Push((child, blockDepth, inlineDepth + 1));
                        }
                    }

                    break;
            }
        }

        return (blocks, inlines);
    }

    /// <summary>The length of a list marker at <paramref name="i"/> ("-", "+", "*", "12.", "b)", "iv."), or 0.</summary>
    private static int ListMarkerLength(string text, int i)
    {
        static bool EndsMarker(string text, int at) => at >= text.Length || text[at] is ' ' or '\t' or '\r' or '\n';

        if (text[i] is '-' or '+' or '*')
        {
            return EndsMarker(text, i + 1) ? 1 : 0;
        }

        // Ordered markers: up to nine digits, or (with the list extras) a few letters, then '.' or ')'.
        var end = i;
        while (end < text.Length && end - i < 9 && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        return end > i && end < text.Length && text[end] is '.' or ')' && EndsMarker(text, end + 1) ? end + 1 - i : 0;
    }

    private static void Fallback(string markdown, string problem) =>
        s_logger.LogWarning("Markdown of {Length} characters shown as plain text: {Problem}", markdown.Length, problem);

    private static string EscapedHtml(string text) =>
        $"<p>{WebUtility.HtmlEncode(text.Trim()).ReplaceLineEndings("<br>\n")}</p>\n";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
