using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Buffer = HarfBuzzSharp.Buffer;

namespace Onboarding.Core.Documents;

/// <summary>
/// One typeface ready for HarfBuzz shaping. Advances come back in em units so a shaped
/// word can be reused at any size.
/// </summary>
internal sealed class ShapingFace : IDisposable
{
    // Standard ligatures are off: Skia maps a ligature glyph back to U+FB01 and friends in the
    // PDF's ToUnicode table, so "find" would be searched and copied as "ﬁnd".
    private static readonly Feature[] Features =
    [
        new(Tag.Parse("liga"), 0),
        new(Tag.Parse("clig"), 0),
    ];

    private readonly Face _face;
    private readonly Font _font;
    private readonly float _unitsPerEm;

    /// <param name="wanted">The style asked for; what the typeface lacks of it Skia draws synthetically.</param>
    public ShapingFace(SKTypeface typeface, SKFontStyle wanted)
    {
        Typeface = typeface;
        var actual = typeface.FontStyle;
        FakeBold = wanted.Weight >= (int)SKFontStyleWeight.SemiBold && actual.Weight < (int)SKFontStyleWeight.SemiBold;
        FakeItalic = wanted.Slant != SKFontStyleSlant.Upright && actual.Slant == SKFontStyleSlant.Upright;
        using var blob = typeface.OpenStream(out var index).ToHarfBuzzBlob();
        _face = new Face(blob, index);
        _unitsPerEm = typeface.UnitsPerEm;
        _font = new Font(_face);
        _font.SetScale((int)_unitsPerEm, (int)_unitsPerEm);
        _font.SetFunctionsOpenType();

        using var font = new SKFont(typeface, _unitsPerEm);
        var metrics = font.Metrics;
        Ascent = -metrics.Ascent / _unitsPerEm;
        Descent = metrics.Descent / _unitsPerEm;
        Space = Shape(" ", 0, 1);
    }

    public SKTypeface Typeface { get; }

    public bool FakeBold { get; }

    public bool FakeItalic { get; }

    /// <summary>Distance from baseline to the top of the tallest glyphs, in em.</summary>
    public float Ascent { get; }

    /// <summary>Distance from baseline to the bottom of descenders, in em.</summary>
    public float Descent { get; }

    /// <summary>The word space, drawn as a glyph before a run placed with a space before it.</summary>
    public GlyphRun Space { get; }

    public bool Covers(int codepoint) => Typeface.GetGlyph(codepoint) != 0;

    /// <summary>Shapes <paramref name="length"/> chars from <paramref name="start"/>; the rest of the text is context.</summary>
    public GlyphRun Shape(string text, int start, int length)
    {
        // hb_shape with a shared font is thread-safe; the buffer is the per-call state.
        using var buffer = new Buffer();
        buffer.AddUtf16(text, start, length);
        buffer.GuessSegmentProperties();
        _font.Shape(buffer, Features);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var advances = new float[infos.Length];
        var clusters = new int[infos.Length];
        var pens = new float[infos.Length];
        var inOrder = true;
        var x = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            inOrder &= i == 0 || clusters[i] >= clusters[i - 1];
            pens[i] = x / _unitsPerEm;
            points[i] = new SKPoint((x + positions[i].XOffset) / _unitsPerEm, -positions[i].YOffset / _unitsPerEm);
            advances[i] = positions[i].XAdvance / _unitsPerEm;
            x += positions[i].XAdvance;
        }

        return new GlyphRun(this, text.Substring(start, length), glyphs, points, advances, clusters, x / _unitsPerEm)
        {
            TextStart = start,
            Pens = pens,
            InOrder = inOrder,
        };
    }

    /// <summary>This face cut down to the given glyphs; the full typeface if HarfBuzz cannot subset it.</summary>
    public SKTypeface Subset(IEnumerable<ushort> glyphs, IEnumerable<int> codepoints) =>
        FontSubset.Create(_face.Handle, glyphs, codepoints) ?? Typeface;

    public void Dispose()
    {
        _font.Dispose();
        _face.Dispose();
    }
}

/// <summary>
/// Glyphs of one face, positioned in em units from the run's origin. <see cref="Clusters"/> are
/// char indices in the text that was shaped, of which <see cref="Text"/> starts at <see cref="TextStart"/>.
/// </summary>
internal sealed record GlyphRun(
    ShapingFace Face,
    string Text,
    ushort[] Glyphs,
    SKPoint[] Positions,
    float[] Advances,
    int[] Clusters,
    float Advance)
{
    public int TextStart { get; init; }

    /// <summary>The pen position, in em, before each glyph.</summary>
    public float[] Pens { get; init; } = [];

    /// <summary>Whether clusters never go back (left-to-right text), so a range of chars is a range of glyphs.</summary>
    public bool InOrder { get; init; }

    /// <summary>The glyphs for chars [<paramref name="start"/>, <paramref name="end"/>) of the shaped text, as if those chars were shaped alone.</summary>
    public GlyphRun? Slice(int start, int end)
    {
        var from = FirstAtOrAfter(start);
        var to = FirstAtOrAfter(end);
        if (to <= from)
        {
            return null;
        }

        var origin = Pens[from];
        var positions = Positions[from..to];
        var pens = Pens[from..to];
        var clusters = Clusters[from..to];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i].X -= origin;
            pens[i] -= origin;
            clusters[i] -= start;
        }

        var textFrom = Math.Max(start, TextStart);
        var textTo = Math.Min(end, TextStart + Text.Length);
        var advance = (to < Glyphs.Length ? Pens[to] : Advance) - origin;
        return new GlyphRun(Face, Text.Substring(textFrom - TextStart, textTo - textFrom), Glyphs[from..to], positions, Advances[from..to], clusters, advance)
        {
            TextStart = textFrom - start,
            Pens = pens,
            InOrder = true,
        };
    }

    // Clusters are in order, so a binary search: a line's slice costs the line, not the word.
    private int FirstAtOrAfter(int index)
    {
        var (low, high) = (0, Clusters.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = Clusters[middle] < index ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}

/// <summary>A piece of text shaped in one style, possibly across fallback faces.</summary>
internal sealed record ShapedText(GlyphRun[] Runs, float Advance)
{
    /// <summary>
    /// The glyphs of chars [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>)
    /// cut out of this shaping, as they were placed in it, so a long word is shaped once however many
    /// lines it takes; null for right-to-left runs, which the caller shapes again.
    /// </summary>
    public ShapedText? Slice(int start, int length)
    {
        var runs = new List<GlyphRun>();
        foreach (var run in Runs)
        {
            if (!run.InOrder)
            {
                return null;
            }

            if (run.Slice(start, start + length) is { } slice)
            {
                runs.Add(slice);
            }
        }

        return new ShapedText([.. runs], runs.Sum(r => r.Advance));
    }

    /// <summary>
    /// For every char index from 0 to <paramref name="length"/>, the advance in em of the glyphs for
    /// the chars before it: one pass over the glyphs, however long the text.
    /// </summary>
    public float[] AdvancesBefore(int length)
    {
        // Each glyph's advance goes to the slot after its cluster's first char, then a running sum;
        // summing by cluster rather than glyph order keeps right-to-left runs right.
        var before = new float[length + 1];
        foreach (var run in Runs)
        {
            for (var i = 0; i < run.Glyphs.Length; i++)
            {
                if (run.Clusters[i] < length)
                {
                    before[run.Clusters[i] + 1] += run.Advances[i];
                }
            }
        }

        for (var i = 1; i <= length; i++)
        {
            before[i] += before[i - 1];
        }

        return before;
    }
}
