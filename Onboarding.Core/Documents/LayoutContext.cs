namespace Onboarding.Core.Documents;

/// <summary>What blocks need while measuring: fonts, theme, and the headings of the whole document.</summary>
internal sealed class LayoutContext(FontSet fonts, DocumentTheme theme, IReadOnlyList<HeadingBlock> headings)
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

    public IReadOnlyList<TextLine> Lines(IReadOnlyList<TextSpan> spans, TextStyle style, float width) =>
        TextLayout.Layout(spans, style, Theme.Link, width, Fonts);

    public List<Slice> LayoutAll(IEnumerable<Block> blocks, float width) =>
        [.. blocks.SelectMany(b => b.Layout(this, width))];
}
