using System.Collections.Concurrent;
using System.Globalization;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Onboarding.Core.Markdown;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using MarkdownTableRow = Markdig.Extensions.Tables.TableRow;

namespace Onboarding.Core.Documents;

/// <summary>
/// Turns our Markdown dialect (parsed by the same pipeline as the web views) into blocks.
/// Markdown headings become bold paragraphs, not document headings: a task's notes
/// should not add entries to the outline.
/// </summary>
internal static class MarkdownBlocks
{
    // The same notes come back render after render (and from template to plan), and blocks are
    // immutable, so converted notes are shared. The bound keeps unusual input from growing it forever.
    private const int CacheLimit = 10_000;

    private static readonly ConcurrentDictionary<(string Markdown, TextStyle? Style), Block[]> Converted = new();

    public static IReadOnlyList<Block> From(string? markdown, TextStyle? style)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return [];
        }

        if (Converted.TryGetValue((markdown, style), out var blocks))
        {
            return blocks;
        }

        if (Converted.Count > CacheLimit)
        {
            Converted.Clear();
        }

        return Converted.GetOrAdd((markdown, style), key => Blocks(key.Markdown, key.Style));
    }

    // Text that cannot be shown formatted (too long, too deep) is shown as written, so a
    // document never fails on stored text.
    private static Block[] Blocks(string markdown, TextStyle? style) =>
        MarkdownText.Parse(markdown) is { } document
            ? [.. document.SelectMany(b => Convert(b, style))]
            : [new ParagraphBlock([new TextSpan(markdown.Trim())], style)];

    private static IEnumerable<Block> Convert(Markdig.Syntax.Block block, TextStyle? style, bool bold = false)
    {
        switch (block)
        {
            case Markdig.Syntax.HeadingBlock heading:
                yield return new ParagraphBlock(Spans(heading.Inline, bold: true), style);
                break;
            case Markdig.Syntax.ParagraphBlock paragraph:
                yield return new ParagraphBlock(Spans(paragraph.Inline, bold), style);
                break;
            case Markdig.Syntax.ListBlock list:
                yield return ConvertList(list, style);
                break;
            case QuoteBlock quote:
                var quoted = new Column();
                quoted.Blocks.AddRange(quote.SelectMany(b => Convert(b, style)));
                yield return new IndentedBlock(quoted);
                break;
            case CodeBlock code:
                var text = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()));
                yield return new ParagraphBlock([new TextSpan(text)], style);
                break;
            case ThematicBreakBlock:
                yield return new RuleBlock();
                break;
            case MarkdownTable table:
                yield return ConvertTable(table, style);
                break;
            case ContainerBlock container:
                foreach (var child in container.SelectMany(b => Convert(b, style, bold)))
                {
                    yield return child;
                }

                break;
        }
    }

    private static ListBlock ConvertList(Markdig.Syntax.ListBlock list, TextStyle? style)
    {
        var builder = new ListBuilder();
        var isTaskList = false;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var task = (item.FirstOrDefault() as Markdig.Syntax.ParagraphBlock)?.Inline?.FirstChild as TaskList;
            isTaskList |= task is not null;
            builder.Item(c => c.Blocks.AddRange(item.SelectMany(b => Convert(b, style))), task?.Checked ?? false);
        }

        var kind = isTaskList ? ListKind.Checklist : list.IsOrdered ? ListKind.Numbered : ListKind.Bullet;
        var start = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        return new ListBlock(kind, builder, start);
    }

    private static TableBlock ConvertTable(MarkdownTable table, TextStyle? style)
    {
        var rows = table.OfType<MarkdownTableRow>().ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        Column[] Cells(MarkdownTableRow row) =>
        [
            .. row.OfType<Markdig.Extensions.Tables.TableCell>().Select(cell =>
            {
                var column = new Column();
                column.Blocks.AddRange(cell.SelectMany(b => Convert(b, style, bold: row.IsHeader)));
                return column;
            }),
        ];

        var header = rows.FirstOrDefault(r => r.IsHeader);
        return new TableBlock(
            [.. Enumerable.Repeat(new TableColumn(1, Fixed: false), columns)],
            header is null ? null : Cells(header),
            [.. rows.Where(r => !r.IsHeader).Select(Cells)],
            RowSplit.Split,
            TableLook.Grid);
    }

    private static List<TextSpan> Spans(ContainerInline? inline, bool bold = false)
    {
        var spans = new List<TextSpan>();
        if (inline is not null)
        {
            Collect(inline, new TextSpan("", Bold: bold), spans);
        }

        return spans;
    }

    private static void Collect(Inline inline, TextSpan style, List<TextSpan> spans)
    {
        switch (inline)
        {
            case LiteralInline literal:
                spans.Add(style with { Text = literal.Content.ToString() });
                break;
            case CodeInline code:
                spans.Add(style with { Text = code.Content });
                break;
            case HtmlEntityInline entity:
                spans.Add(style with { Text = entity.Transcoded.ToString() });
                break;
            case HtmlInline html:
                spans.Add(style with { Text = html.Tag });
                break;
            case LineBreakInline lineBreak:
                spans.Add(style with { Text = lineBreak.IsHard ? "\n" : " " });
                break;
            case AutolinkInline autolink:
                var target = autolink.IsEmail ? $"mailto:{autolink.Url}" : autolink.Url;
                spans.Add(style with { Text = autolink.Url, Link = SafeUrl.IsAllowed(target) ? target : null });
                break;
            case TaskList:
                break;
            case LinkInline { IsImage: true } image:
                // A PDF never loads an image from a URL; one from another host becomes a link, as on the pages.
                var source = image.GetDynamicUrl?.Invoke() ?? image.Url;
                var shown = SafeUrl.IsAllowed(source) && !SafeUrl.IsLocal(source) ? style with { Link = source } : style;
                if (image.FirstChild is null)
                {
                    spans.Add(shown with { Text = source ?? "" });
                }
                else
                {
                    CollectChildren(image, shown, spans);
                }
                break;
            case LinkInline link:
                var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
                CollectChildren(link, SafeUrl.IsAllowed(url) ? style with { Link = url } : style, spans);
                break;
            case EmphasisInline emphasis:
                var emphasised = emphasis.DelimiterChar is '*' or '_'
                    ? emphasis.DelimiterCount >= 2 ? style with { Bold = true } : style with { Italic = true }
                    : style;
                CollectChildren(emphasis, emphasised, spans);
                break;
            case ContainerInline container:
                CollectChildren(container, style, spans);
                break;
        }
    }

    private static void CollectChildren(ContainerInline container, TextSpan style, List<TextSpan> spans)
    {
        foreach (var child in container)
        {
            Collect(child, style, spans);
        }
    }
}

/// <summary>A Markdown block quote, set off by its indent.</summary>
internal sealed class IndentedBlock(Column content) : Block
{
    private const float Indent = 12;

    public override IEnumerable<Slice> Layout(LayoutContext context, float width) =>
        context.LayoutAll(content.Blocks, width - Indent, context.Structure.Add("BlockQuote")).Select(s => new IndentSlice(s, Indent));
}
