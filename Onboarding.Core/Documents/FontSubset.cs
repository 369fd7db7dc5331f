using System.Runtime.InteropServices;
using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>
/// Cuts a font down to the glyphs a document uses. The SkiaSharp 3.119 native build has no
/// font subsetter, so Skia would embed (and deflate) every face whole: ~390 KB and ~20 ms per
/// face per document. HarfBuzz's subsetter ships in the same native library as the shaper but
/// HarfBuzzSharp does not wrap it, hence these few imports (DllImport, because LibraryImport
/// would need unsafe code enabled for the whole project). Glyph ids are kept, so text shaped
/// against the full font draws unchanged with the subset.
/// </summary>
internal static class FontSubset
{
    private const string Library = "libHarfBuzzSharp";
    private const uint RetainGlyphIds = 0x2;
    private const int GlyphSet = 0;
    private const int UnicodeSet = 1;
    private const int DropTableSet = 3;

    // Shaping happened on the full font; the embedded copy only has to draw and map to Unicode.
    private static readonly uint[] UnneededTables = [Tag("GSUB"), Tag("GPOS"), Tag("GDEF"), Tag("kern")];

    /// <returns>The subset as a typeface, or null if HarfBuzz could not subset this font.</returns>
    public static SKTypeface? Create(IntPtr face, IEnumerable<ushort> glyphs, IEnumerable<int> codepoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            hb_subset_input_set_flags(input, RetainGlyphIds);
            AddAll(hb_subset_input_set(input, GlyphSet), glyphs.Select(g => (uint)g));
            AddAll(hb_subset_input_set(input, UnicodeSet), codepoints.Select(c => (uint)c));
            AddAll(hb_subset_input_set(input, DropTableSet), UnneededTables);
            var subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    if (data == IntPtr.Zero || length == 0)
                    {
                        return null;
                    }

                    // Copied: the blob is freed below, the typeface lives as long as the PDF needs it
                    // and holds its own reference to the copy.
                    using var copy = SKData.CreateCopy(data, length);
                    return SKTypeface.FromData(copy);
                }
                finally
                {
                    hb_blob_destroy(blob);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    private static void AddAll(IntPtr set, IEnumerable<uint> values)
    {
        foreach (var value in values)
        {
            hb_set_add(set, value);
        }
    }

    private static uint Tag(string tag) => ((uint)tag[0] << 24) | ((uint)tag[1] << 16) | ((uint)tag[2] << 8) | tag[3];

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);

    [DllImport(Library)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Library)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(Library)]
    private static extern void hb_face_destroy(IntPtr face);
}
