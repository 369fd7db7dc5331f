namespace Onboarding.Core.Documents;

/// <summary>
/// The glyphs each face draws in one document, and the characters they stand for: what the
/// embedded font subsets must hold. Filled as text is laid out, so it can hold a little more
/// than is drawn (a header measured before the page count is known), never less.
/// </summary>
internal sealed class GlyphUsage
{
    // Shaped words are cached and shared, so most runs laid out are runs already counted.
    private readonly HashSet<GlyphRun> _seen = new(ReferenceEqualityComparer.Instance);

    public Dictionary<ShapingFace, (HashSet<ushort> Glyphs, HashSet<int> Codepoints)> Faces { get; } = [];

    /// <summary>
    /// Per face, the text of glyphs the font's own character map cannot name: conjuncts and other
    /// forms that shaping made from several characters. Skia's ToUnicode maps only come from
    /// that character map, so without these such text would not extract or be read aloud.
    /// </summary>
    public Dictionary<ShapingFace, Dictionary<ushort, string>> Shaped { get; } = [];

    /// <summary>Per family, the first text laid out with a character no installed font has (drawn as the missing-glyph box).</summary>
    public Dictionary<string, string> Missing { get; } = [];

    public void Add(TextLine line)
    {
        foreach (var run in line.Runs)
        {
            if (run.SpaceBefore)
            {
                Add(run.Glyphs.Face.Space);
            }

            Add(run.Glyphs);
        }
    }

    public bool Covers(GlyphRun run) =>
        _seen.Contains(run) || (Faces.TryGetValue(run.Face, out var used) && used.Glyphs.IsSupersetOf(run.Glyphs));

    // One glyph per character and scripts without conjuncts: each glyph is its character, which
    // the character map names. Checked first, as nearly all runs are like this.
    private static bool IsOneToOne(GlyphRun run)
    {
        if (run.Glyphs.Length != run.Text.Length)
        {
            return false;
        }

        foreach (var c in run.Text)
        {
            if (c >= '\u0590')
            {
                return false;
            }
        }

        return true;
    }

    // Per cluster, the glyphs that are one of its characters in the font's character map keep that
    // character; the first other glyph stands for the characters left over.
    private void AddShaped(GlyphRun run)
    {
        if (!Shaped.TryGetValue(run.Face, out var shaped))
        {
            Shaped[run.Face] = shaped = [];
        }

        var starts = run.Clusters.Select(c => c - run.TextStart).Distinct().Order().ToList();
        for (var k = 0; k < starts.Count; k++)
        {
            var start = starts[k];
            var end = k + 1 < starts.Count ? starts[k + 1] : run.Text.Length;
            if (start < 0 || end > run.Text.Length)
            {
                continue;
            }

            var left = run.Text[start..end].EnumerateRunes().ToList();
            ushort? unnamed = null;
            for (var i = 0; i < run.Glyphs.Length; i++)
            {
                if (run.Clusters[i] - run.TextStart != start || run.Glyphs[i] == 0)
                {
                    continue;
                }

                var named = left.FindIndex(r => run.Face.Typeface.GetGlyph(r.Value) == run.Glyphs[i]);
                if (named >= 0)
                {
                    left.RemoveAt(named);
                }
                else
                {
                    unnamed ??= run.Glyphs[i];
                }
            }

            if (unnamed is { } glyph && left.Count > 0)
            {
                shaped.TryAdd(glyph, string.Concat(left.Select(r => r.ToString())));
            }
        }
    }

    private void Add(GlyphRun run)
    {
        if (!_seen.Add(run))
        {
            return;
        }

        if (!Faces.TryGetValue(run.Face, out var used))
        {
            used = ([], []);
            Faces[run.Face] = used;
        }

        used.Glyphs.UnionWith(run.Glyphs);
        // Glyph 0 is the font's missing-glyph box: the face chosen had no glyph, so none had.
        if (Array.IndexOf(run.Glyphs, (ushort)0) >= 0)
        {
            Missing.TryAdd(run.Face.Typeface.FamilyName, run.Text);
        }

        foreach (var rune in run.Text.EnumerateRunes())
        {
            used.Codepoints.Add(rune.Value);
        }

        if (!IsOneToOne(run))
        {
            AddShaped(run);
        }
    }
}
