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

        var baseline = top + line.Baseline;
        foreach (var group in line.Runs.GroupBy(r => r.Color))
        {
            using var builder = new SKTextBlobBuilder();
            foreach (var run in group)
            {
                var glyphs = run.Glyphs;
                var positions = new SKPoint[glyphs.Glyphs.Length];
                for (var i = 0; i < positions.Length; i++)
                {
                    positions[i] = new SKPoint(x + run.X + (glyphs.Positions[i].X * run.Size), baseline + (glyphs.Positions[i].Y * run.Size));
                }

                builder.AddPositionedRun(glyphs.Glyphs, Font(glyphs.Face, run.Size), positions);
            }

            using var blob = builder.Build();
            if (blob is not null)
            {
                Canvas.DrawText(blob, 0, 0, Fill(group.Key));
            }
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

            Canvas.DrawUrlAnnotation(new SKRect(x + first.X, top, x + last.X + last.Width, top + line.Height), first.Link);
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
    }
}
