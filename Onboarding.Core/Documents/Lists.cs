using SkiaSharp;

namespace Onboarding.Core.Documents;

internal enum ListKind
{
    Bullet,
    Numbered,
    Checklist,
}

/// <summary>Items of a list; each item is a column, so items can hold paragraphs and nested lists.</summary>
public sealed class ListBuilder
{
    internal List<(Column Content, bool Done)> Items { get; } = [];

    public ListBuilder Item(string text, bool done = false) => Item(c => c.Paragraph(text), done);

    /// <param name="done">Ticks the box in a checklist; other lists ignore it.</param>
    public ListBuilder Item(Action<Column> compose, bool done = false)
    {
        var content = new Column();
        compose(content);
        Items.Add((content, done));
        return this;
    }
}

internal sealed class ListBlock(ListKind kind, ListBuilder list, int start = 1) : Block
{
    private const float ItemSpacing = 3;

    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var theme = context.Theme;
        var numbers = kind == ListKind.Numbered
            ? Enumerable.Range(start, list.Items.Count)
                .Select(n => context.Lines([new TextSpan($"{n}.")], theme.Body with { Align = TextAlign.Left }, width)[0])
                .ToList()
            : [];
        var indent = kind switch
        {
            ListKind.Numbered => Math.Max(16, numbers.Max(n => n.Width) + 6),
            ListKind.Checklist => 16,
            _ => 13,
        };

        var numbering = kind switch
        {
            ListKind.Numbered => "Decimal",
            ListKind.Checklist => "None",
            _ => "Disc",
        };
        var listNode = context.Structure.Add("L", attributes: $"<</O /List /ListNumbering /{numbering}>>");
        var slices = new List<Slice>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var (content, done) = list.Items[i];
            var item = listNode.Add("LI");
            var label = item.Add("Lbl");
            var itemSlices = context.LayoutAll(content.Blocks, width - indent, item.Add("LBody"));
            if (itemSlices.Count == 0)
            {
                continue;
            }

            var last = i == list.Items.Count - 1;
            itemSlices[^1] = itemSlices[^1] with { SpaceAfter = last ? theme.BlockSpacing : ItemSpacing };
            var number = kind == ListKind.Numbered ? numbers[i] : null;
            slices.Add(new IndentSlice(itemSlices[0], indent, (c, x, baseline) => DrawMarker(c, x, baseline, indent, number, done), label));
            slices.AddRange(itemSlices.Skip(1).Select(s => new IndentSlice(s, indent)));
        }

        return slices;
    }

    public override IEnumerable<HeadingBlock> Headings() => list.Items.SelectMany(i => i.Content.Headings());

    private void DrawMarker(DrawContext context, float x, float baseline, float indent, TextLine? number, bool done)
    {
        var canvas = context.Canvas;
        var theme = context.Theme;
        var size = theme.Body.Size;
        switch (kind)
        {
            case ListKind.Numbered:
                context.DrawLine(number!, x + indent - 5 - number!.Width, baseline - number.Baseline);
                break;
            case ListKind.Checklist:
                var box = SKRect.Create(x + 0.5f, baseline - (size * 0.78f), size * 0.8f, size * 0.8f);
                using (var stroke = new SKPaint { Color = theme.Muted, IsStroke = true, StrokeWidth = 0.8f, IsAntialias = true })
                {
                    canvas.DrawRoundRect(box, 1.2f, 1.2f, done ? context.Fill(theme.Accent) : stroke);
                }

                if (done)
                {
                    using var tick = new SKPath();
                    tick.MoveTo(box.Left + (box.Width * 0.22f), box.MidY);
                    tick.LineTo(box.Left + (box.Width * 0.42f), box.Bottom - (box.Height * 0.25f));
                    tick.LineTo(box.Right - (box.Width * 0.2f), box.Top + (box.Height * 0.25f));
                    using var pen = new SKPaint { Color = SKColors.White, IsStroke = true, StrokeWidth = 1.2f, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
                    canvas.DrawPath(tick, pen);
                }

                break;
            default:
                canvas.DrawCircle(x + 4, baseline - (size * 0.3f), size * 0.16f, context.Fill(theme.Muted));
                break;
        }
    }
}
