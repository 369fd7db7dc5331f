using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>The glyphs each face draws in one document, and the characters they stand for.</summary>
internal sealed class GlyphUsage
{
    public Dictionary<ShapingFace, (HashSet<ushort> Glyphs, HashSet<int> Codepoints)> Faces { get; } = [];

    public void Add(GlyphRun run)
    {
        if (!Faces.TryGetValue(run.Face, out var used))
        {
            used = ([], []);
            Faces[run.Face] = used;
        }

        used.Glyphs.UnionWith(run.Glyphs);
        foreach (var rune in run.Text.EnumerateRunes())
        {
            used.Codepoints.Add(rune.Value);
        }
    }
}

/// <summary>
/// Per-page drawing state of one render: the canvas, fonts at size, and where headings landed.
/// With a <see cref="GlyphUsage"/> it draws no text and only records which glyphs would be drawn.
/// </summary>
internal sealed class DrawContext(
    FontSet fonts,
    DocumentTheme theme,
    IReadOnlyDictionary<string, int> anchorPages,
    Func<ShapingFace, SKTypeface> typefaces,
    GlyphUsage? usage = null) : IDisposable
{
    private readonly Dictionary<(ShapingFace, float), SKFont> _fonts = [];
    private readonly Dictionary<SKColor, SKPaint> _paints = [];
    private readonly SKTextBlobBuilder _blob = new();

    /// <summary>The current page's canvas, set as each page begins.</summary>
    public SKCanvas Canvas { get; set; } = null!;

    public DocumentTheme Theme { get; } = theme;

    /// <summary>Page number (1-based) of each heading anchor.</summary>
    public IReadOnlyDictionary<string, int> AnchorPages { get; } = anchorPages;

    /// <summary>One line of text known only while drawing, such as a page number.</summary>
    public TextLine Text(string text, TextStyle style, float width) =>
        TextLayout.Layout([new TextSpan(text)], style, Theme.Link, width, fonts)[0];

    public SKPaint Fill(SKColor color)
    {
        if (!_paints.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            _paints[color] = paint;
        }

        return paint;
    }

    public void DrawLine(TextLine line, float x, float top)
    {
        if (usage is not null)
        {
            foreach (var run in line.Runs)
            {
                usage.Add(run.Glyphs);
            }

            return;
        }

        // A blob is drawn with one paint, so each stretch of one colour is one blob; within it,
        // neighbouring words in the same face and size become one positioned run, written straight
        // into Skia's buffer: a run per word made building blobs cost as much as drawing them.
        var baseline = top + line.Baseline;
        var runs = line.Runs;
        for (var start = 0; start < runs.Count;)
        {
            var color = runs[start].Color;
            var end = start;
            while (end < runs.Count && runs[end].Color == color)
            {
                end++;
            }

            for (var first = start; first < end;)
            {
                var face = runs[first].Glyphs.Face;
                var size = runs[first].Size;
                var last = first;
                var count = 0;
                while (last < end && runs[last].Glyphs.Face == face && runs[last].Size == size)
                {
                    count += runs[last++].Glyphs.Glyphs.Length;
                }

                if (count > 0)
                {
                    var buffer = _blob.AllocatePositionedRun(Font(face, size), count);
                    var glyphs = buffer.Glyphs;
                    var positions = buffer.Positions;
                    var at = 0;
                    for (var i = first; i < last; i++)
                    {
                        var run = runs[i];
                        run.Glyphs.Glyphs.CopyTo(glyphs[at..]);
                        foreach (var position in run.Glyphs.Positions)
                        {
                            positions[at++] = new SKPoint(x + run.X + (position.X * run.Size), baseline + (position.Y * run.Size));
                        }
                    }
                }

                first = last;
            }

            // Building hands the runs over and empties the builder for the next blob.
            using var blob = _blob.Build();
            if (blob is not null)
            {
                Canvas.DrawText(blob, 0, 0, Fill(color));
            }

            start = end;
        }

        // One annotation per link, across its words and the spaces between them.
        for (var i = 0; i < line.Runs.Count; i++)
        {
            var first = line.Runs[i];
            if (first.Link is null)
            {
                continue;
            }

            var last = first;
            while (i + 1 < line.Runs.Count && line.Runs[i + 1].Link == first.Link)
            {
                last = line.Runs[++i];
            }

            using var url = Canvas.DrawUrlAnnotation(new SKRect(x + first.X, top, x + last.X + last.Width, top + line.Height), first.Link);
        }
    }

    private SKFont Font(ShapingFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = new SKFont(typefaces(face), size)
            {
                Embolden = face.FakeBold,
                SkewX = face.FakeItalic ? -0.2f : 0,
                Subpixel = true,
                LinearMetrics = true,
            };
            _fonts[(face, size)] = font;
        }

        return font;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        foreach (var paint in _paints.Values)
        {
            paint.Dispose();
        }

        _blob.Dispose();
    }
}
