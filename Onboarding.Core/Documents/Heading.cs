using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>A section title: an entry in the outline and the contents page, and a link target.</summary>
internal sealed class HeadingBlock(string text, int level, bool inContents) : Block
{
    public string Text { get; } = text;

    public int Level { get; } = Math.Clamp(level, 1, 3);

    public bool InContents { get; } = inContents;

    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var lines = context.Lines([new TextSpan(Text)], context.Theme.Heading(Level), width);
        return [new HeadingSlice([.. lines.Select(l => new TextLineSlice(l))], context.AnchorOf(this), Level, width)
        {
            SpaceBefore = Level switch { 1 => 18, 2 => 14, _ => 10 },
            SpaceAfter = Level == 1 ? 10 : 5,
            KeepWithNext = true,
            KeepTogether = true,
            Tag = context.Structure.Add($"H{Level}"),
        }];
    }

    public override IEnumerable<HeadingBlock> Headings() => [this];
}

internal sealed record HeadingSlice : Slice
{
    private const float RuleGap = 4;

    public HeadingSlice(IReadOnlyList<TextLineSlice> lines, string anchor, int level, float width)
        : base(lines.Sum(l => l.Height) + (level == 1 ? RuleGap : 0))
    {
        Lines = lines;
        Anchor = anchor;
        Level = level;
        Width = width;
    }

    public IReadOnlyList<TextLineSlice> Lines { get; }

    public string Anchor { get; }

    public int Level { get; }

    public float Width { get; }

    public override float? FirstBaseline => Lines[0].FirstBaseline;

    public override void Draw(DrawContext context, float x, float y)
    {
        // The canvas keeps its own reference to the name; disposing ours spares the finalizer.
        using var name = context.Canvas.DrawNamedDestinationAnnotation(new SKPoint(x, y), Anchor);
        var top = y;
        foreach (var line in Lines)
        {
            line.DrawTagged(context, x, top);
            top += line.Height;
        }

        if (Level == 1)
        {
            using var rule = context.Tagged(StructNode.Artifact);
            context.Canvas.DrawRect(x, top + RuleGap - 0.75f, Width, 0.75f, context.Fill(context.Theme.Rule));
        }
    }

    public override void CollectAnchors(float top, List<(string Anchor, float Y)> anchors) => anchors.Add((Anchor, top));
}
