using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>
/// The contents page. Its lines are measured before pagination with room for the page number
/// reserved, so the numbers can be filled in when drawing without moving anything.
/// </summary>
internal sealed class ContentsBlock(int maxLevel) : Block
{
    private const float LevelIndent = 14;

    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var theme = context.Theme;
        var numberWidth = context.Lines([new TextSpan("0000")], theme.Body, width)[0].Width;
        // Page numbers are laid out while drawing, once pages are known.
        context.Reserve("0123456789", theme.Body);
        var contents = context.Structure.Add("TOC");
        foreach (var heading in context.Headings.Where(h => h.InContents && h.Level <= maxLevel))
        {
            var indent = (heading.Level - 1) * LevelIndent;
            var style = heading.Level == 1 ? theme.Body with { Bold = true } : theme.Body;
            var lines = context.Lines([new TextSpan(heading.Text)], style, width - indent - numberWidth - 12);
            yield return new ContentsEntrySlice(lines, context.AnchorOf(heading), indent, width)
            {
                SpaceBefore = heading.Level == 1 ? 7 : 0,
                SpaceAfter = 3,
                Tag = contents.Add("TOCI"),
            };
        }
    }
}

internal sealed record ContentsEntrySlice : Slice
{
    private const float DotSize = 0.9f;

    public ContentsEntrySlice(IReadOnlyList<TextLine> lines, string anchor, float indent, float width)
        : base(lines.Sum(l => l.Height))
    {
        Lines = lines;
        Anchor = anchor;
        Indent = indent;
        Width = width;
    }

    public IReadOnlyList<TextLine> Lines { get; }

    public string Anchor { get; }

    public float Indent { get; }

    public float Width { get; }

    public override float? FirstBaseline => Lines[0].Baseline;

    public override void Draw(DrawContext context, float x, float y)
    {
        var top = y;
        foreach (var line in Lines)
        {
            context.DrawLine(line, x + Indent, top);
            top += line.Height;
        }

        var last = Lines[^1];
        var number = context.Text(context.AnchorPages[Anchor].ToString(System.Globalization.CultureInfo.InvariantCulture), context.Theme.Body, Width);
        var numberX = x + Width - number.Width;
        var baseline = top - last.Height + last.Baseline;
        context.DrawLine(number, numberX, baseline - number.Baseline);

        // Dot leaders guide the eye from the title to its page number. Each dot is a stroke as long
        // as it is wide, all in one path: a square's worth of stroke is two points in the page's
        // content where a filled square is five, and the contents page was the largest page to write.
        using var artifact = context.Tagged(StructNode.Artifact);
        using var dots = new SKPath();
        for (var dotX = numberX - 6; dotX > x + Indent + last.Width + 6; dotX -= 4)
        {
            dots.MoveTo(dotX - (DotSize / 2), baseline - 0.15f - (DotSize / 2));
            dots.RLineTo(DotSize, 0);
        }

        context.Canvas.DrawPath(dots, context.Stroke(context.Theme.Muted, DotSize));

        using var link = context.Canvas.DrawLinkDestinationAnnotation(SKRect.Create(x + Indent, y, Width - Indent, Height), Anchor);
    }
}
