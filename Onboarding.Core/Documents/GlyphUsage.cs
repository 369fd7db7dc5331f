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

    public void Add(TextLine line)
    {
        foreach (var run in line.Runs)
        {
            Add(run.Glyphs);
        }
    }

    public bool Covers(GlyphRun run) =>
        _seen.Contains(run) || (Faces.TryGetValue(run.Face, out var used) && used.Glyphs.IsSupersetOf(run.Glyphs));

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
        foreach (var rune in run.Text.EnumerateRunes())
        {
            used.Codepoints.Add(rune.Value);
        }
    }
}
