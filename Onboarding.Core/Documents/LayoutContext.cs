namespace Onboarding.Core.Documents;

/// <summary>What blocks need while measuring: fonts, theme, and the headings of the whole document.</summary>
internal sealed class LayoutContext(FontSet fonts, DocumentTheme theme, IReadOnlyList<HeadingBlock> headings, GlyphUsage usage)
{
    // Headings are numbered per render, so the same Document object can be rendered concurrently.
    private readonly Dictionary<HeadingBlock, string> _anchors = headings
        .Select((heading, i) => (heading, i))
        .ToDictionary(x => x.heading, x => $"h{x.i + 1}");

    public FontSet Fonts { get; } = fonts;

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
        var lines = TextLayout.Layout(spans, style, Theme.Link, width, Fonts);
        foreach (var line in lines)
        {
            usage.Add(line);
        }

        return lines;
    }

    /// <summary>Embeds the glyphs of text that is only laid out while drawing (<see cref="DrawContext.Text"/>), such as page numbers.</summary>
    public void Reserve(string text, TextStyle style) => Lines([new TextSpan(text)], style, float.MaxValue);

    public List<Slice> LayoutAll(IEnumerable<Block> blocks, float width) =>
        [.. blocks.SelectMany(b => b.Layout(this, width))];
}
