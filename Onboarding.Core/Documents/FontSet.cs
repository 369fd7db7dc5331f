using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Onboarding.Core.Documents;

internal enum FontFace
{
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

/// <summary>
/// The configured family in its four faces, per-character fallback to whatever fontconfig
/// has installed, and a cache of shaped text. Thread-safe: every render shares one.
/// </summary>
internal sealed class FontSet : IDisposable
{
    // Shaped words are reused across documents; the bounds keep a long-running process from
    // growing without limit on unusual text (URLs, names, run-together words thousands of
    // characters long). A shaped character costs some 22 bytes, so a face's cache stays under
    // about 20 MB. Refilling is cheap.
    private const int ShapeCacheLimit = 20_000;
    private const int ShapeCacheCharacters = 500_000;

    private readonly string _family;
    private readonly ShapingFace[] _primary;
    private readonly ConcurrentDictionary<(FontFace, int), ShapingFace> _fallbackByCodepoint = new();
    private readonly ConcurrentDictionary<(string, int, int, SKFontStyleSlant, int, SKFontStyleSlant), ShapingFace> _fallbackFaces = new();
    // One cache per face, keyed by text compared ordinally so it can be searched by span.
    private readonly ConcurrentDictionary<string, ShapedText>[] _shaped =
        [.. Enum.GetValues<FontFace>().Select(_ => new ConcurrentDictionary<string, ShapedText>(StringComparer.Ordinal))];
    // Per face, about how many characters its cache holds: counted as words are added, not exactly under races.
    private readonly int[] _shapedCharacters = new int[Enum.GetValues<FontFace>().Length];

    public FontSet(string family)
    {
        _family = family;
        var regular = SKFontManager.Default.MatchFamily(family, SKFontStyle.Normal)
            ?? throw new InvalidOperationException(NotInstalled(family));
        _primary =
        [
            new ShapingFace(regular, SKFontStyle.Normal),
            Face(family, SKFontStyle.Bold, regular),
            Face(family, SKFontStyle.Italic, regular),
            Face(family, SKFontStyle.BoldItalic, regular),
        ];
    }

    public static string NotInstalled(string family) => $"font family '{family}' is not installed; install it or set Pdf__FontFamily";

    /// <summary>Whether fontconfig has the family, without loading the faces.</summary>
    public static bool IsInstalled(string family)
    {
        using var regular = SKFontManager.Default.MatchFamily(family, SKFontStyle.Normal);
        return regular is not null;
    }

    public ShapingFace Primary(FontFace face) => _primary[(int)face];

    /// <summary>The text shaped in <paramref name="face"/>; found by span, so a cached word costs no string.</summary>
    public ShapedText Shape(FontFace face, ReadOnlySpan<char> text)
    {
        var shaped = _shaped[(int)face];
        var lookup = shaped.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var cached))
        {
            return cached;
        }

        if (shaped.Count > ShapeCacheLimit || Interlocked.Add(ref _shapedCharacters[(int)face], text.Length) > ShapeCacheCharacters)
        {
            shaped.Clear();
            Interlocked.Exchange(ref _shapedCharacters[(int)face], text.Length);
        }

        var key = text.ToString();
        return shaped.GetOrAdd(key, ShapeUncached(face, key));
    }

    /// <summary>The word space of <paramref name="face"/>.</summary>
    public GlyphRun Space(FontFace face) => _primary[(int)face].Space;

    private ShapedText ShapeUncached(FontFace face, string text)
    {
        var runs = new List<GlyphRun>();
        ShapingFace? current = null;
        var start = 0;
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            var chosen = current is not null && ContinuesCluster(rune) ? current : FaceFor(face, rune.Value);
            if (chosen != current)
            {
                if (current is not null)
                {
                    runs.Add(current.Shape(text, start, i - start));
                }

                current = chosen;
                start = i;
            }

            i += length;
        }

        if (current is not null)
        {
            runs.Add(current.Shape(text, start, text.Length - start));
        }

        return new ShapedText([.. runs], runs.Sum(r => r.Advance));
    }

    // Marks, joiners and variation selectors belong to the character before them and must be
    // shaped in the same face, or accents detach from their letters.
    private static bool ContinuesCluster(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark
        || rune.Value is 0x200D or (>= 0xFE00 and <= 0xFE0F);

    private ShapingFace FaceFor(FontFace face, int codepoint)
    {
        var primary = _primary[(int)face];
        if (primary.Covers(codepoint))
        {
            return primary;
        }

        return _fallbackByCodepoint.GetOrAdd((face, codepoint), key =>
        {
            var style = StyleOf(key.Item1);
            var typeface = SKFontManager.Default.MatchCharacter(_family, style, null, key.Item2);
            if (typeface is null || typeface.GetGlyph(key.Item2) == 0)
            {
                // Nothing installed draws it: the primary face's missing-glyph box at least keeps the place.
                return primary;
            }

            var actual = typeface.FontStyle;
            return _fallbackFaces.GetOrAdd(
                (typeface.FamilyName, actual.Weight, actual.Width, actual.Slant, style.Weight, style.Slant),
                _ => new ShapingFace(typeface, style));
        });
    }

    // A family without a bold or italic face still shows emphasis, drawn by Skia.
    private static ShapingFace Face(string family, SKFontStyle style, SKTypeface regular) =>
        new(SKFontManager.Default.MatchFamily(family, style) ?? regular, style);

    private static SKFontStyle StyleOf(FontFace face) => face switch
    {
        FontFace.Bold => SKFontStyle.Bold,
        FontFace.Italic => SKFontStyle.Italic,
        FontFace.BoldItalic => SKFontStyle.BoldItalic,
        _ => SKFontStyle.Normal,
    };

    public void Dispose()
    {
        foreach (var face in _primary.Concat(_fallbackFaces.Values).Distinct())
        {
            face.Dispose();
        }
    }
}
