namespace Onboarding.Core.Documents;

/// <summary>
/// A vertical run of blocks: the body of a document, a table cell, a list item, a header.
/// Compose with small section methods: <c>void ComposeStakeholders(Column c) =&gt; c.Heading("Stakeholders").Table(...)</c>.
/// </summary>
public sealed class Column
{
    internal List<Block> Blocks { get; } = [];

    /// <summary>A section title; levels 1–3 become bookmarks and, unless <paramref name="inContents"/> is false, contents entries.</summary>
    public Column Heading(string text, int level = 1, bool inContents = true) => Add(new HeadingBlock(text, level, inContents));

    public Column Paragraph(string text, TextStyle? style = null) => Add(new ParagraphBlock([new TextSpan(text)], style));

    public Column Paragraph(Action<TextBuilder> compose, TextStyle? style = null)
    {
        var text = new TextBuilder();
        compose(text);
        return Add(new ParagraphBlock(text.Spans, style));
    }

    /// <summary>Markdown in the app's dialect (see <see cref="Markdown.MarkdownText"/>): paragraphs, emphasis, links, lists, tables.</summary>
    public Column Markdown(string? markdown, TextStyle? style = null)
    {
        Blocks.AddRange(MarkdownBlocks.From(markdown, style));
        return this;
    }

    public Column BulletList(Action<ListBuilder> compose) => List(ListKind.Bullet, compose);

    public Column NumberedList(Action<ListBuilder> compose) => List(ListKind.Numbered, compose);

    /// <summary>A list with a box per item, ticked when the item is done.</summary>
    public Column Checklist(Action<ListBuilder> compose) => List(ListKind.Checklist, compose);

    public Column Table(Action<TableBuilder> compose)
    {
        var table = new TableBuilder();
        compose(table);
        if (table.Columns.Count == 0)
        {
            throw new InvalidOperationException("a table needs at least one column (RelativeColumn or FixedColumn)");
        }

        return Add(new TableBlock(table.Columns, table.HeaderCells, table.Rows, table.Splitting, TableLook.Grid));
    }

    /// <summary>A shaded panel of labelled values ("Client: Acme", "Kickoff: 3 March").</summary>
    public Column KeyValues(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        Column Cell(Action<Column> compose)
        {
            var cell = new Column();
            compose(cell);
            return cell;
        }

        var rows = pairs.Select(p => new[] { Cell(c => c.Paragraph(t => t.Bold(p.Key))), Cell(c => c.Paragraph(p.Value)) }).ToList();
        return Add(new TableBlock([new TableColumn(1, Fixed: false), new TableColumn(2.6f, Fixed: false)], null, rows, RowSplit.Split, TableLook.Panel));
    }

    /// <summary>Columns side by side, without table styling.</summary>
    public Column Row(Action<RowBuilder> compose)
    {
        var row = new RowBuilder();
        compose(row);
        return Add(new TableBlock(row.Columns, null, [[.. row.Cells]], RowSplit.MoveWhole, TableLook.Plain));
    }

    public Column Timeline(TimelineChart chart) => Add(new TimelineBlock(chart));

    public Column LineChart(LineChart chart) => Add(new LineChartBlock(chart));

    /// <summary>A thin horizontal line across the column.</summary>
    public Column Rule() => Add(new RuleBlock());

    /// <summary>Fixed vertical space, kept even at the top of a page.</summary>
    public Column Spacer(float height) => Add(new SpacerBlock(height));

    public Column PageBreak() => Add(new PageBreakBlock());

    /// <summary>Content that moves to the next page rather than being split (unless it is taller than a page).</summary>
    public Column KeepTogether(Action<Column> compose)
    {
        var content = new Column();
        compose(content);
        return Add(new KeepTogetherBlock(content));
    }

    /// <summary>
    /// Content that never ends a page: it is kept whole and moves to the next page with the start
    /// of what follows, e.g. a heading and its one-line introduction above a table.
    /// </summary>
    public Column KeepWithNext(Action<Column> compose)
    {
        var content = new Column();
        compose(content);
        return Add(new KeepTogetherBlock(content, withNext: true));
    }

    /// <summary>Every heading of the document up to <paramref name="maxLevel"/>, with its page number and a link to it.</summary>
    public Column TableOfContents(int maxLevel = 2) => Add(new ContentsBlock(maxLevel));

    internal IEnumerable<HeadingBlock> Headings() => Blocks.SelectMany(b => b.Headings());

    private Column List(ListKind kind, Action<ListBuilder> compose)
    {
        var list = new ListBuilder();
        compose(list);
        return Add(new ListBlock(kind, list));
    }

    private Column Add(Block block)
    {
        Blocks.Add(block);
        return this;
    }
}
