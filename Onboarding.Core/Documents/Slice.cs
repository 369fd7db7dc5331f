namespace Onboarding.Core.Documents;

/// <summary>
/// A measured piece of a page: what the paginator places and the draw pass paints.
/// Blocks lay out into slices once; pagination only moves and splits them.
/// </summary>
internal abstract record Slice(float Height)
{
    /// <summary>Gap wanted above; the larger of this and the previous slice's <see cref="SpaceAfter"/> wins, and none at the top of a page.</summary>
    public float SpaceBefore { get; init; }

    public float SpaceAfter { get; init; }

    /// <summary>Never end a page with this slice (headings, a table's header).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Split only when it is taller than a whole page.</summary>
    public bool KeepTogether { get; init; }

    /// <summary>Placed first when this slice starts a page: a table's header row.</summary>
    public Slice? RepeatHeader { get; init; }

    /// <summary>The structure element this slice's content belongs to; null: the enclosing slice's.</summary>
    public StructNode? Tag { get; init; }

    /// <summary>Distance from the top to the first baseline, where list markers align.</summary>
    public virtual float? FirstBaseline => null;

    /// <summary>The least that must fit for this slice to start on a page.</summary>
    public virtual float MinHeight => Height;

    public abstract void Draw(DrawContext context, float x, float y);

    /// <summary>Draws this slice as content of its <see cref="Tag"/>; containers draw their children through this.</summary>
    public void DrawTagged(DrawContext context, float x, float y)
    {
        using (context.Tagged(Tag))
        {
            Draw(context, x, y);
        }
    }

    /// <summary>A head no taller than <paramref name="available"/> and the rest, or null when it cannot split there.</summary>
    public virtual (Slice Head, Slice Tail)? Split(float available) => null;

    public virtual void CollectAnchors(float top, List<(string Anchor, float Y)> anchors)
    {
    }
}

internal sealed record TextLineSlice(TextLine Line) : Slice(Line.Height)
{
    public override float? FirstBaseline => Line.Baseline;

    public override void Draw(DrawContext context, float x, float y) => context.DrawLine(Line, x, y);
}

/// <summary>Empty height that is not collapsed at the top of a page (unlike spacing).</summary>
internal sealed record SpacerSlice(float Height) : Slice(Height)
{
    public override void Draw(DrawContext context, float x, float y)
    {
    }
}

internal sealed record PageBreakSlice() : Slice(0)
{
    public override void Draw(DrawContext context, float x, float y)
    {
    }
}

/// <summary>Slices one under another, spaced as the paginator would space them.</summary>
internal sealed record StackSlice : Slice
{
    public StackSlice(IReadOnlyList<Slice> children)
        : base(HeightOf(children))
    {
        Children = children;
    }

    public IReadOnlyList<Slice> Children { get; }

    public override float? FirstBaseline => Children.Count > 0 ? Children[0].FirstBaseline : null;

    public override float MinHeight => KeepTogether || Children.Count == 0 ? Height : Children[0].MinHeight;

    public override void Draw(DrawContext context, float x, float y)
    {
        var offsets = Offsets(Children, out _);
        for (var i = 0; i < Children.Count; i++)
        {
            Children[i].DrawTagged(context, x, y + offsets[i]);
        }
    }

    public override void CollectAnchors(float top, List<(string Anchor, float Y)> anchors)
    {
        var offsets = Offsets(Children, out _);
        for (var i = 0; i < Children.Count; i++)
        {
            Children[i].CollectAnchors(top + offsets[i], anchors);
        }
    }

    public override (Slice Head, Slice Tail)? Split(float available)
    {
        var offsets = Offsets(Children, out _);
        for (var i = 0; i < Children.Count; i++)
        {
            var child = Children[i];
            if (offsets[i] + child.Height <= available)
            {
                continue;
            }

            var head = Children.Take(i).ToList();
            var tail = Children.Skip(i + 1).ToList();
            if (child.Split(available - offsets[i]) is var (childHead, childTail))
            {
                head.Add(childHead);
                tail.Insert(0, childTail);
            }
            else
            {
                tail.Insert(0, child);
            }

            return head.Count == 0 ? null : (Part(head, SpaceBefore), Part(tail, 0));
        }

        return null;
    }

    private StackSlice Part(IReadOnlyList<Slice> children, float spaceBefore) => new(children)
    {
        SpaceBefore = spaceBefore,
        SpaceAfter = SpaceAfter,
        KeepTogether = KeepTogether,
        KeepWithNext = KeepWithNext,
        RepeatHeader = RepeatHeader,
        Tag = Tag,
    };

    private static float HeightOf(IReadOnlyList<Slice> children)
    {
        Offsets(children, out var height);
        return height;
    }

    public static float[] Offsets(IReadOnlyList<Slice> children, out float height)
    {
        var offsets = new float[children.Count];
        var y = 0f;
        for (var i = 0; i < children.Count; i++)
        {
            if (i > 0)
            {
                y += Math.Max(children[i - 1].SpaceAfter, children[i].SpaceBefore);
            }

            offsets[i] = y;
            y += children[i].Height;
        }

        height = y;
        return offsets;
    }
}

/// <summary>A slice moved right, optionally with a marker (bullet, number, checkbox) in the margin.</summary>
internal sealed record IndentSlice : Slice
{
    /// <param name="markerTag">The element the marker is content of (a list item's label).</param>
    public IndentSlice(Slice inner, float indent, Action<DrawContext, float, float>? marker = null, StructNode? markerTag = null)
        : base(inner.Height)
    {
        Inner = inner;
        Indent = indent;
        Marker = marker;
        MarkerTag = markerTag;
        SpaceBefore = inner.SpaceBefore;
        SpaceAfter = inner.SpaceAfter;
        KeepWithNext = inner.KeepWithNext;
        KeepTogether = inner.KeepTogether;
        RepeatHeader = inner.RepeatHeader;
    }

    public Slice Inner { get; }

    public float Indent { get; }

    /// <summary>Draws the marker given the slice's left edge and first baseline.</summary>
    public Action<DrawContext, float, float>? Marker { get; }

    public StructNode? MarkerTag { get; }

    public override float? FirstBaseline => Inner.FirstBaseline;

    public override float MinHeight => Inner.MinHeight;

    public override void Draw(DrawContext context, float x, float y)
    {
        if (Marker is not null)
        {
            using (context.Tagged(MarkerTag))
            {
                Marker(context, x, y + (Inner.FirstBaseline ?? 0));
            }
        }

        Inner.DrawTagged(context, x + Indent, y);
    }

    public override void CollectAnchors(float top, List<(string Anchor, float Y)> anchors) =>
        Inner.CollectAnchors(top, anchors);

    public override (Slice Head, Slice Tail)? Split(float available) =>
        Inner.Split(available) is var (head, tail)
            ? (new IndentSlice(head, Indent, Marker, MarkerTag) { Tag = Tag }, new IndentSlice(tail, Indent) { Tag = Tag })
            : null;
}
