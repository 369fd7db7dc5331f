using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>A piece of content that knows how to measure itself into slices at a given width.</summary>
internal abstract class Block
{
    public abstract IEnumerable<Slice> Layout(LayoutContext context, float width);

    /// <summary>Headings inside this block, in order, for the outline and the contents page.</summary>
    public virtual IEnumerable<HeadingBlock> Headings() => [];
}

internal sealed class ParagraphBlock(IReadOnlyList<TextSpan> spans, TextStyle? style) : Block
{
    public IReadOnlyList<TextSpan> Spans { get; } = spans;

    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var lines = context.Lines(Spans, style ?? context.Theme.Body, width);
        var paragraph = context.Structure.Add("P");
        var slices = new Slice[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            slices[i] = new TextLineSlice(lines[i])
            {
                Tag = paragraph,
                // No single first line at the foot of a page, no single last line at the head of one.
                KeepWithNext = lines.Count > 1 && (i == 0 || i == lines.Count - 2),
                SpaceAfter = i == lines.Count - 1 ? context.Theme.BlockSpacing : 0,
            };
        }

        return slices;
    }
}

internal sealed class SpacerBlock(float height) : Block
{
    public override IEnumerable<Slice> Layout(LayoutContext context, float width) => [new SpacerSlice(height)];
}

internal sealed class PageBreakBlock : Block
{
    public override IEnumerable<Slice> Layout(LayoutContext context, float width) => [new PageBreakSlice()];
}

internal sealed class RuleBlock : Block
{
    public override IEnumerable<Slice> Layout(LayoutContext context, float width) =>
        [new RuleSlice(width, context.Theme.Rule) { SpaceBefore = 4, SpaceAfter = context.Theme.BlockSpacing, Tag = StructNode.Artifact }];
}

internal sealed record RuleSlice(float Width, SKColor Color) : Slice(0.75f)
{
    public override void Draw(DrawContext context, float x, float y) =>
        context.Canvas.DrawRect(x, y, Width, Height, context.Fill(Color));
}

internal sealed class KeepTogetherBlock(Column content, bool withNext = false) : Block
{
    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var children = context.LayoutAll(content.Blocks, width);
        if (children.Count == 0)
        {
            return [];
        }

        return [new StackSlice(children)
        {
            KeepTogether = true,
            KeepWithNext = withNext,
            SpaceBefore = children[0].SpaceBefore,
            SpaceAfter = children[^1].SpaceAfter,
        }];
    }

    public override IEnumerable<HeadingBlock> Headings() => content.Headings();
}
