using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Onboarding.Core.Documents;

/// <summary>
/// Completes the ToUnicode maps Skia writes for embedded fonts (ISO 32000-1 §9.10.3). Skia
/// builds them from each font's character map, so glyphs that shaping made from several
/// characters (Devanagari conjuncts, ligatures) map to U+0000 and their text is lost to copy,
/// search and screen readers. Entries for those glyphs, known from shaping, replace them; the
/// other entries Skia wrote stay as they are.
/// </summary>
internal static partial class PdfToUnicode
{
    /// <param name="shaped">Per font PostScript name, the text of glyphs the font's character map cannot name.</param>
    public static void Add(PdfFile file, IReadOnlyDictionary<string, Dictionary<ushort, string>> shaped)
    {
        if (shaped.Count == 0)
        {
            return;
        }

        var fonts = file.Pages()
            .SelectMany(page => FontResources().Matches(file.Dictionary(page)).SelectMany(m => Reference().Matches(m.Groups[1].Value)))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Distinct();
        foreach (var font in fonts)
        {
            var dictionary = file.Dictionary(font);
            var name = BaseFont().Match(dictionary);
            var toUnicode = ToUnicodeEntry().Match(dictionary);
            if (!dictionary.Contains("/Subtype /Type0", StringComparison.Ordinal) || !name.Success || !toUnicode.Success
                || !shaped.TryGetValue(name.Groups[1].Value, out var glyphs))
            {
                continue;
            }

            var number = int.Parse(toUnicode.Groups[1].Value, CultureInfo.InvariantCulture);
            var map = Parse(Encoding.Latin1.GetString(file.Inflated(number).Span));
            foreach (var (glyph, text) in glyphs)
            {
                map.TryAdd((int)glyph, Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)));
            }

            file.ReplaceStream(number, output => output.Write(Write(map)));
        }
    }

    private static SortedDictionary<int, string> Parse(string cmap)
    {
        var map = new SortedDictionary<int, string>();
        foreach (Match block in CharBlock().Matches(cmap))
        {
            // Skia maps glyphs it cannot name to U+0000, which readers take as text; those are left out.
            foreach (Match pair in CharPair().Matches(block.Groups[1].Value).Where(p => p.Groups[2].Value.Trim('0').Length > 0))
            {
                map[Hex(pair.Groups[1].Value)] = pair.Groups[2].Value;
            }
        }

        foreach (Match block in RangeBlock().Matches(cmap))
        {
            foreach (Match range in RangeEntry().Matches(block.Groups[1].Value))
            {
                var first = Hex(range.Groups[1].Value);
                var last = Hex(range.Groups[2].Value);
                var target = range.Groups[3].Value;
                // Ranges only step the last UTF-16 unit (§9.10.3), so the prefix stays.
                var prefix = target[..^4];
                var unit = Hex(target[^4..]);
                for (var code = first; code <= last; code++)
                {
                    map[code] = prefix + (unit + code - first).ToString("X4", CultureInfo.InvariantCulture);
                }
            }
        }

        return map;
    }

    private static byte[] Write(SortedDictionary<int, string> map)
    {
        var cmap = new StringBuilder(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n"
            + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        // At most 100 entries per block (§9.7.5.4).
        foreach (var block in map.Chunk(100))
        {
            cmap.Append(CultureInfo.InvariantCulture, $"{block.Length} beginbfchar\n");
            foreach (var (code, target) in block)
            {
                cmap.Append(CultureInfo.InvariantCulture, $"<{code:X4}> <{target}>\n");
            }

            cmap.Append("endbfchar\n");
        }

        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return Encoding.ASCII.GetBytes(cmap.ToString());
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/Font\s*<<([^>]*)>>")]
    private static partial Regex FontResources();

    [GeneratedRegex(@"(\d+) 0 R")]
    private static partial Regex Reference();

    [GeneratedRegex(@"/BaseFont /[A-Z]{6}\+(\S+)")]
    private static partial Regex BaseFont();

    [GeneratedRegex(@"/ToUnicode (\d+) 0 R")]
    private static partial Regex ToUnicodeEntry();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex CharBlock();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex CharPair();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex RangeBlock();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex RangeEntry();
}
