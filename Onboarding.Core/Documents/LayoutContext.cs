namespace Onboarding.Core.Documents;

/// <summary>What blocks need while measuring: fonts, theme, the headings of the whole document, and whether to stop.</summary>
internal sealed class LayoutContext(
    FontSet fonts, DocumentTheme theme, IReadOnlyList<HeadingBlock> headings, GlyphUsage usage, CancellationToken cancellationToken = default)
{
    // Headings are numbered per render, so the same Document object can be rendered concurrently.
    private readonly Dictionary<HeadingBlock, string> _anchors = headings
        .Select((heading, i) => (heading, i))
        .ToDictionary(x => x.heading, x => $"h{x.i + 1}");

    public FontSet Fonts { get; } = fonts;

    /// <summary>The structure element that blocks being laid out add theirs to.</summary>
    public StructNode Structure { get; private set; } = StructNode.Document();

    /// <summary>Lays out <paramref name="blocks"/> with their structure elements added under <paramref name="parent"/>.</summary>
    public List<Slice> LayoutAll(IEnumerable<Block> blocks, float width, StructNode parent)
    {
        var outer = Structure;
        Structure = parent;
        try
        {
            return LayoutAll(blocks, width);
        }
        finally
        {
            Structure = outer;
        }
    }

    public DocumentTheme Theme { get; } = theme;

    /// <summary>Every heading of the body in order, known before layout so a contents page can list them.</summary>
    public IReadOnlyList<HeadingBlock> Headings { get; } = headings;

    public string AnchorOf(HeadingBlock heading) =>
        _anchors.TryGetValue(heading, out var anchor)
            ? anchor
            : throw new InvalidOperationException($"heading '{heading.Text}' is not part of the document body");

    /// <summary>The text broken into lines; their glyphs will be embedded.</summary>
    public IReadOnlyList<TextLine> Lines(IReadOnlyList<TextSpan> spans, TextStyle style, float width)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lines = TextLayout.Layout(spans, style, Theme.Link, width, Fonts);
        foreach (var line in lines)
        {
            usage.Add(line);
        }

        return lines;
    }

    /// <summary>Embeds the glyphs of text that is only laid out while drawing (<see cref="DrawContext.Text"/>), such as page numbers.</summary>
    public void Reserve(string text, TextStyle style) => Lines([new TextSpan(text)], style, float.MaxValue);

    public List<Slice> LayoutAll(IEnumerable<Block> blocks, float width)
    {
        var slices = new List<Slice>();
        foreach (var block in blocks)
        {
            // Checked per block and per paragraph, so a render stops within one paragraph of its request going away.
            cancellationToken.ThrowIfCancellationRequested();
            slices.AddRange(block.Layout(this, width));
        }

        return slices;
    }
}
