using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>Per-page drawing state of one render: the canvas, fonts at size, and where headings landed.</summary>
/// <remarks>
/// Text is not drawn line by line: lines of one colour are gathered and drawn together, one
/// positioned run per stretch in one face and size, when anything else is about to be drawn
/// (any use of <see cref="Canvas"/>) or the page ends (<see cref="Flush"/>). Skia writes each
/// run as one text object, so a paragraph costs one object and one font selection instead of
/// one per line, and the page's content stream, which Skia compresses, is that much shorter.
/// Painting order is kept: nothing is drawn between text gathered into one batch.
/// <para>
/// Whenever painting moves on to content of another structure element (<see cref="Tagged"/>),
/// a marker is drawn: a tiny rectangle that <see cref="PdfTags"/> finds in the page's content
/// stream and replaces with the marked-content operators Skia cannot write. The element of
/// each marker is recorded per page in <see cref="PageMarks"/>.
/// </para>
/// </remarks>
internal sealed class DrawContext(
    FontSet fonts,
    DocumentTheme theme,
    IReadOnlyDictionary<string, int> anchorPages,
    Func<ShapingFace, SKTypeface> typefaces,
    GlyphUsage usage) : IDisposable
{
    private readonly Dictionary<(ShapingFace, float), SKFont> _fonts = [];
    private readonly Dictionary<SKColor, SKPaint> _paints = [];
    private readonly Dictionary<(SKColor, float), SKPaint> _pens = [];
    private readonly SKTextBlobBuilder _blob = new();

    // The batch: glyphs and absolute positions in drawing order, cut into runs of one face and
    // size, each run from its start to the next one's.
    private readonly List<(ShapingFace Face, float Size, int Start)> _runs = [];
    private ushort[] _glyphs = new ushort[1024];
    private SKPoint[] _positions = new SKPoint[1024];
    private int _count;
    private SKColor _color;
    private SKCanvas _canvas = null!;
    private StructNode? _owner;
    private StructNode? _marked;

    /// <summary>
    /// The current page's canvas, set as each page begins. Getting it draws the text gathered so
    /// far first, so take it for each shape rather than keeping it across text.
    /// </summary>
    public SKCanvas Canvas
    {
        get
        {
            Mark();
            Flush();
            return _canvas;
        }

        set
        {
            _canvas = value;
            _marked = null;
            PageMarks.Add([]);
        }
    }

    /// <summary>Per page, the element of each marker drawn on it, in order.</summary>
    public List<List<StructNode>> PageMarks { get; } = [];

    /// <summary>
    /// Makes what is painted until the returned scope ends content of <paramref name="node"/>;
    /// null leaves the current element. Inside an artifact everything stays artifact, so a
    /// repeated table header's cells do not count as text.
    /// </summary>
    public TagScope Tagged(StructNode? node)
    {
        var outer = _owner;
        if (node is not null && _owner != StructNode.Artifact)
        {
            _owner = node;
        }

        return new TagScope(this, outer);
    }

    public readonly struct TagScope(DrawContext context, StructNode? outer) : IDisposable
    {
        public void Dispose() => context._owner = outer;
    }

    public DocumentTheme Theme { get; } = theme;

    /// <summary>Page number (1-based) of each heading anchor.</summary>
    public IReadOnlyDictionary<string, int> AnchorPages { get; } = anchorPages;

    /// <summary>
    /// One line of text known only while drawing, such as a page number. The fonts are already
    /// cut down to the glyphs found during layout, so its glyphs must have been laid out then
    /// (see <see cref="LayoutContext.Reserve"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A glyph of the text was not laid out before drawing.</exception>
    public TextLine Text(string text, TextStyle style, float width)
    {
        var line = TextLayout.Layout([new TextSpan(text)], style, Theme.Link, width, fonts)[0];
        foreach (var run in line.Runs)
        {
            if (!usage.Covers(run.Glyphs) || (run.SpaceBefore && !usage.Covers(run.Glyphs.Face.Space)))
            {
                throw new InvalidOperationException($"'{text}' is drawn but was not laid out, so the glyphs of '{run.Glyphs.Text}' are not embedded; reserve it while laying out");
            }
        }

        return line;
    }

    public SKPaint Fill(SKColor color)
    {
        if (!_paints.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            _paints[color] = paint;
        }

        return paint;
    }

    /// <summary>A pen of <paramref name="width"/> with butt ends, so a stroke covers exactly its length.</summary>
    public SKPaint Stroke(SKColor color, float width)
    {
        if (!_pens.TryGetValue((color, width), out var pen))
        {
            pen = new SKPaint { Color = color, IsAntialias = true, IsStroke = true, StrokeWidth = width, StrokeCap = SKStrokeCap.Butt };
            _pens[(color, width)] = pen;
        }

        return pen;
    }

    public void DrawLine(TextLine line, float x, float top)
    {
        Mark();
        var baseline = top + line.Baseline;
        foreach (var run in line.Runs)
        {
            var glyphs = run.Glyphs;
            if (glyphs.Glyphs.Length == 0)
            {
                continue;
            }

            var color = line.ColorOf(run);
            if (_count > 0 && color != _color)
            {
                Flush();
            }

            _color = color;
            if (_runs.Count == 0 || _runs[^1].Face != glyphs.Face || _runs[^1].Size != line.Size)
            {
                _runs.Add((glyphs.Face, line.Size, _count));
            }

            var origin = x + run.X;
            if (run.SpaceBefore)
            {
                Add(glyphs.Face.Space, origin, baseline, line.Size);
                origin += glyphs.Face.Space.Advance * line.Size;
            }

            Add(glyphs, origin, baseline, line.Size);
        }

        // One annotation per link, across its words and the spaces between them. Annotations
        // are not painted, so they go on the canvas without drawing the gathered text first.
        for (var i = 0; i < line.Runs.Length; i++)
        {
            var first = line.Runs[i];
            if (first.Link == 0)
            {
                continue;
            }

            var last = first;
            while (i + 1 < line.Runs.Length && line.Runs[i + 1].Link == first.Link)
            {
                last = line.Runs[++i];
            }

            using var url = _canvas.DrawUrlAnnotation(new SKRect(x + first.X, top, x + last.X + line.WidthOf(last), top + line.Height), line.Links[first.Link - 1]);
        }
    }

    // Gathers the glyphs of one run for the text being collected, at its place on the page.
    private void Add(GlyphRun glyphs, float origin, float baseline, float size)
    {
        var count = glyphs.Glyphs.Length;
        Reserve(count);
        glyphs.Glyphs.CopyTo(_glyphs.AsSpan(_count));
        var source = glyphs.Positions;
        var target = _positions.AsSpan(_count, count);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = new SKPoint(origin + (source[i].X * size), baseline + (source[i].Y * size));
        }

        _count += count;
    }

    /// <summary>Draws the text gathered so far; called before anything else is painted and at the end of each page.</summary>
    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        for (var i = 0; i < _runs.Count; i++)
        {
            var (face, size, start) = _runs[i];
            var count = (i + 1 < _runs.Count ? _runs[i + 1].Start : _count) - start;
            var buffer = _blob.AllocatePositionedRun(Font(face, size), count);
            _glyphs.AsSpan(start, count).CopyTo(buffer.Glyphs);
            _positions.AsSpan(start, count).CopyTo(buffer.Positions);
        }

        _runs.Clear();
        _count = 0;

        // Building hands the runs over and empties the builder for the next batch.
        using var blob = _blob.Build();
        if (blob is not null)
        {
            _canvas.DrawText(blob, 0, 0, Fill(_color));
        }
    }

    // Drawn where no clip or transform of ours can cull it, and found again by its exact bytes.
    private static readonly SKRect Marker = new(0.25f, 0.25f, 0.375f, 0.375f);

    private void Mark()
    {
        var owner = _owner ?? throw new InvalidOperationException("content drawn outside any structure element");
        if (owner == _marked)
        {
            return;
        }

        Flush();
        _canvas.Save();
        _canvas.ResetMatrix();
        _canvas.DrawRect(Marker, Fill(SKColors.White));
        _canvas.Restore();
        _marked = owner;
        PageMarks[^1].Add(owner);
    }

    private void Reserve(int more)
    {
        if (_count + more > _glyphs.Length)
        {
            var size = Math.Max(_glyphs.Length * 2, _count + more);
            Array.Resize(ref _glyphs, size);
            Array.Resize(ref _positions, size);
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

        foreach (var paint in _paints.Values.Concat(_pens.Values))
        {
            paint.Dispose();
        }

        _blob.Dispose();
    }
}
