using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>What happens to a table row that does not fit in the rest of a page.</summary>
public enum RowSplit
{
    /// <summary>The row moves whole to the next page (unless it is taller than a page).</summary>
    MoveWhole,

    /// <summary>The row's cells break between lines and continue on the next page.</summary>
    Split,
}

/// <summary>Columns, an optional header row repeated on every page, and rows of cells.</summary>
public sealed class TableBuilder
{
    internal List<TableColumn> Columns { get; } = [];

    internal Column[]? HeaderCells { get; private set; }

    internal List<Column[]> Rows { get; } = [];

    internal RowSplit Splitting { get; private set; }

    /// <summary>A column taking a share of the width left after fixed columns.</summary>
    public TableBuilder RelativeColumn(float weight = 1) => AddColumn(new TableColumn(weight, Fixed: false));

    /// <summary>A column of an exact width in points.</summary>
    public TableBuilder FixedColumn(float width) => AddColumn(new TableColumn(width, Fixed: true));

    public TableBuilder Header(params string[] cells)
    {
        HeaderCells = [.. cells.Select(text => Cell(c => c.Paragraph(t => t.Bold(text))))];
        return this;
    }

    public TableBuilder Row(params string[] cells) => Row([.. cells.Select(text => (Action<Column>)(c => c.Paragraph(text)))]);

    public TableBuilder Row(params Action<Column>[] cells)
    {
        Rows.Add([.. cells.Select(Cell)]);
        return this;
    }

    public TableBuilder RowSplitting(RowSplit mode)
    {
        Splitting = mode;
        return this;
    }

    private TableBuilder AddColumn(TableColumn column)
    {
        Columns.Add(column);
        return this;
    }

    private static Column Cell(Action<Column> compose)
    {
        var cell = new Column();
        compose(cell);
        return cell;
    }
}

/// <summary>Side-by-side columns without table styling, e.g. a footer with text left and page number right.</summary>
public sealed class RowBuilder
{
    internal List<TableColumn> Columns { get; } = [];

    internal List<Column> Cells { get; } = [];

    public RowBuilder Relative(Action<Column> compose, float weight = 1) => Add(new TableColumn(weight, Fixed: false), compose);

    public RowBuilder Fixed(float width, Action<Column> compose) => Add(new TableColumn(width, Fixed: true), compose);

    private RowBuilder Add(TableColumn column, Action<Column> compose)
    {
        var cell = new Column();
        compose(cell);
        Columns.Add(column);
        Cells.Add(cell);
        return this;
    }
}

internal readonly record struct TableColumn(float Size, bool Fixed);

internal enum TableLook
{
    Grid,
    Panel,
    Plain,
}

internal sealed class TableBlock(
    IReadOnlyList<TableColumn> columns,
    Column[]? header,
    IReadOnlyList<Column[]> rows,
    RowSplit splitting,
    TableLook look) : Block
{
    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var (padX, padY, gap) = look switch
        {
            TableLook.Grid => (6f, 4f, 0f),
            TableLook.Panel => (9f, 4.5f, 0f),
            _ => (0f, 0f, 12f),
        };
        var widths = Widths(width - (gap * Math.Max(0, columns.Count - 1)));
        var theme = context.Theme;

        // A layout row (a footer's left and right) is no table to a reader; its cells are plain content.
        var table = look == TableLook.Plain ? null : context.Structure.Add("Table");

        RowSlice Row(Column[] cells, RowKind kind)
        {
            var row = table?.Add("TR");
            var parts = new List<CellPart>();
            var x = 0f;
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = row?.Add(
                    kind == RowKind.Header || (kind == RowKind.Panel && i == 0) ? "TH" : "TD",
                    attributes: kind switch
                    {
                        RowKind.Header => "<</O /Table /Scope /Column>>",
                        RowKind.Panel when i == 0 => "<</O /Table /Scope /Row>>",
                        _ => null,
                    });
                var cellWidth = Math.Max(1, widths[i] - (2 * padX));
                var content = i >= cells.Length ? []
                    : cell is null ? context.LayoutAll(cells[i].Blocks, cellWidth)
                    : context.LayoutAll(cells[i].Blocks, cellWidth, cell);
                parts.Add(new CellPart(x + padX, new StackSlice(content) { Tag = cell }));
                x += widths[i] + gap;
            }

            return new RowSlice(parts, padY, width, kind) { Tag = row };
        }

        var slices = new List<Slice>();
        var headerSlice = header is null || look != TableLook.Grid ? null : Row(header, RowKind.Header) with { KeepWithNext = true, SpaceBefore = 2 };
        if (headerSlice is not null)
        {
            slices.Add(headerSlice);
        }

        var kind = look switch
        {
            TableLook.Grid => RowKind.Body,
            TableLook.Panel => RowKind.Panel,
            _ => RowKind.Plain,
        };
        foreach (var cells in rows)
        {
            slices.Add(Row(cells, kind) with
            {
                RepeatHeader = headerSlice,
                KeepTogether = splitting == RowSplit.MoveWhole,
                SpaceBefore = slices.Count == 0 ? 2 : 0,
            });
        }

        if (slices.Count > 0)
        {
            slices[^1] = slices[^1] with { SpaceAfter = theme.BlockSpacing + 3 };
        }

        return slices;
    }

    public override IEnumerable<HeadingBlock> Headings() =>
        (header ?? []).Concat(rows.SelectMany(r => r)).SelectMany(c => c.Headings());

    private float[] Widths(float width)
    {
        var fixedTotal = columns.Where(c => c.Fixed).Sum(c => c.Size);
        var weights = columns.Where(c => !c.Fixed).Sum(c => c.Size);
        var share = Math.Max(0, width - fixedTotal);
        return [.. columns.Select(c => c.Fixed ? c.Size : weights > 0 ? share * c.Size / weights : 0)];
    }
}

internal enum RowKind
{
    Header,
    Body,
    Panel,
    Plain,
}

internal sealed record CellPart(float X, StackSlice Content);

internal sealed record RowSlice : Slice
{
    public RowSlice(IReadOnlyList<CellPart> cells, float padding, float width, RowKind kind)
        : base(cells.Max(c => c.Content.Height) + (2 * padding))
    {
        Cells = cells;
        Padding = padding;
        Width = width;
        Kind = kind;
    }

    public IReadOnlyList<CellPart> Cells { get; }

    public float Padding { get; }

    public float Width { get; }

    public RowKind Kind { get; }

    public override float? FirstBaseline => Cells.Select(c => c.Content.FirstBaseline).FirstOrDefault(b => b is not null) + Padding;

    public override float MinHeight =>
        KeepTogether ? Height : Cells.Max(c => c.Content.Children.Count > 0 ? c.Content.Children[0].MinHeight : 0) + (2 * Padding);

    public override void Draw(DrawContext context, float x, float y)
    {
        var theme = context.Theme;
        using (context.Tagged(StructNode.Artifact))
        {
            var canvas = context.Canvas;
            if (Kind is RowKind.Header or RowKind.Panel)
            {
                canvas.DrawRect(x, y, Width, Height, context.Fill(theme.Fill));
            }

            if (Kind == RowKind.Header)
            {
                canvas.DrawRect(x, y + Height - 1, Width, 1, context.Fill(theme.Accent));
            }
            else if (Kind == RowKind.Body)
            {
                canvas.DrawRect(x, y + Height - 0.5f, Width, 0.5f, context.Fill(theme.Rule));
            }
        }

        foreach (var cell in Cells)
        {
            cell.Content.DrawTagged(context, x + cell.X, y + Padding);
        }
    }

    public override void CollectAnchors(float top, List<(string Anchor, float Y)> anchors)
    {
        foreach (var cell in Cells)
        {
            cell.Content.CollectAnchors(top + Padding, anchors);
        }
    }

    public override (Slice Head, Slice Tail)? Split(float available)
    {
        var inner = available - (2 * Padding);
        if (inner <= 0)
        {
            return null;
        }

        var heads = new List<CellPart>();
        var tails = new List<CellPart>();
        foreach (var cell in Cells)
        {
            if (cell.Content.Height <= inner)
            {
                heads.Add(cell);
                tails.Add(cell with { Content = new StackSlice([]) });
            }
            else if (cell.Content.Split(inner) is var (head, tail))
            {
                heads.Add(cell with { Content = (StackSlice)head });
                tails.Add(cell with { Content = (StackSlice)tail });
            }
            else
            {
                heads.Add(cell with { Content = new StackSlice([]) });
                tails.Add(cell);
            }
        }

        if (heads.All(h => h.Content.Children.Count == 0))
        {
            return null;
        }

        return (Copy(heads) with { SpaceAfter = 0 }, Copy(tails) with { SpaceBefore = 0 });
    }

    private RowSlice Copy(IReadOnlyList<CellPart> cells) => new(cells, Padding, Width, Kind)
    {
        SpaceBefore = SpaceBefore,
        SpaceAfter = SpaceAfter,
        KeepTogether = KeepTogether,
        RepeatHeader = RepeatHeader,
        Tag = Tag,
    };
}
