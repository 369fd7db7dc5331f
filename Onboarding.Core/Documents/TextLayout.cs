using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Onboarding.Core.Documents;

internal sealed record PlacedRun(GlyphRun Glyphs, float X, float Size, SKColor Color, string? Link)
{
    public float Width => Glyphs.Advance * Size;
}

/// <summary>One laid-out line; <see cref="Baseline"/> is measured from the line's top.</summary>
internal sealed record TextLine(float Width, float Height, float Baseline, IReadOnlyList<PlacedRun> Runs);

/// <summary>
/// Greedy line breaking that never exceeds the width: lines break at spaces and after
/// '-' or '/', and a word wider than the whole line is cut between characters.
/// </summary>
internal static class TextLayout
{
    // Layout widths are sums of floats; a hair of tolerance keeps an exact fit on one line.
    private const float Tolerance = 0.01f;

    private sealed record Fragment(string Text, FontFace Face, SKColor Color, string? Link);

    private sealed record Word(IReadOnlyList<Fragment> Fragments, bool SpaceBefore, FontFace SpaceFace);

    public static IReadOnlyList<TextLine> Layout(
        IReadOnlyList<TextSpan> spans, TextStyle style, SKColor linkColor, float width, FontSet fonts)
    {
        var size = style.Size;
        var regular = fonts.Primary(FontFace.Regular);
        var lineHeight = size * style.LineHeight;
        var baseline = ((lineHeight - ((regular.Ascent + regular.Descent) * size)) / 2) + (regular.Ascent * size);

        var lines = new List<TextLine>();
        var runs = new List<PlacedRun>();
        var x = 0f;

        void Finish()
        {
            var offset = style.Align switch
            {
                TextAlign.Right => width - x,
                TextAlign.Center => (width - x) / 2,
                _ => 0,
            };
            lines.Add(new TextLine(x, lineHeight, baseline, offset == 0 ? runs : [.. runs.Select(r => r with { X = r.X + offset })]));
            runs = [];
            x = 0;
        }

        float WidthOf(IEnumerable<Fragment> fragments) => fragments.Sum(f => fonts.Shape(f.Face, f.Text).Advance * size);

        void Place(IEnumerable<Fragment> fragments, float at)
        {
            foreach (var fragment in fragments)
            {
                foreach (var run in fonts.Shape(fragment.Face, fragment.Text).Runs)
                {
                    runs.Add(new PlacedRun(run, at, size, fragment.Link is null ? fragment.Color : linkColor, fragment.Link));
                    at += run.Advance * size;
                }
            }
        }

        foreach (var token in Tokenize(spans, style))
        {
            if (token is null)
            {
                Finish();
                continue;
            }

            var word = token;
            while (true)
            {
                var wordWidth = WidthOf(word.Fragments);
                var space = runs.Count > 0 && word.SpaceBefore ? fonts.Shape(word.SpaceFace, " ").Advance * size : 0;
                if (x + space + wordWidth <= width + Tolerance)
                {
                    Place(word.Fragments, x + space);
                    x += space + wordWidth;
                    break;
                }

                if (runs.Count > 0)
                {
                    Finish();
                    continue;
                }

                var (head, tail) = Cut(word.Fragments, width, size, fonts);
                Place(head, 0);
                x = WidthOf(head);
                Finish();
                word = new Word(tail, SpaceBefore: false, word.SpaceFace);
            }
        }

        if (runs.Count > 0 || lines.Count == 0)
        {
            Finish();
        }

        return lines;
    }

    private static List<Word?> Tokenize(IReadOnlyList<TextSpan> spans, TextStyle style)
    {
        var tokens = new List<Word?>();
        var fragments = new List<Fragment>();
        var text = new StringBuilder();
        var spaceBefore = false;
        var spaceFace = FaceOf(style.Bold, style.Italic);
        TextSpan? current = null;

        void EndFragment()
        {
            if (text.Length > 0 && current is not null)
            {
                fragments.Add(new Fragment(
                    text.ToString(), FaceOf(style.Bold || current.Bold, style.Italic || current.Italic), style.Color, current.Link));
                text.Clear();
            }
        }

        void EndWord(bool spaceFollows)
        {
            EndFragment();
            if (fragments.Count > 0)
            {
                tokens.Add(new Word(fragments, spaceBefore, spaceFace));
                fragments = [];
                spaceBefore = false;
            }

            spaceBefore |= spaceFollows;
        }

        foreach (var span in spans)
        {
            EndFragment();
            current = span;
            var normalized = span.Text.Normalize(NormalizationForm.FormC);
            for (var i = 0; i < normalized.Length; i++)
            {
                var c = normalized[i];
                if (c == '\n')
                {
                    EndWord(spaceFollows: false);
                    tokens.Add(null);
                    spaceBefore = false;
                }
                else if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    EndWord(spaceFollows: true);
                    spaceFace = FaceOf(style.Bold || span.Bold, style.Italic || span.Italic);
                }
                else
                {
                    text.Append(c);
                    var breakAfter = (c is '-' or '/') && i + 1 < normalized.Length && !char.IsWhiteSpace(normalized[i + 1]);
                    if (breakAfter)
                    {
                        EndWord(spaceFollows: false);
                    }
                }
            }
        }

        EndWord(spaceFollows: false);
        return tokens;
    }

    /// <summary>Splits a word too wide for any line at the last character boundary that fits.</summary>
    private static (List<Fragment> Head, List<Fragment> Tail) Cut(
        IReadOnlyList<Fragment> fragments, float width, float size, FontSet fonts)
    {
        // Candidate cuts in reading order: (fragment, char index, estimated head width).
        var cuts = new List<(int Fragment, int Index, float Width)>();
        var before = 0f;
        for (var f = 0; f < fragments.Count; f++)
        {
            var shaped = fonts.Shape(fragments[f].Face, fragments[f].Text);
            foreach (var index in StringInfo.ParseCombiningCharacters(fragments[f].Text))
            {
                if (f > 0 || index > 0)
                {
                    cuts.Add((f, index, before + (shaped.AdvanceBefore(index) * size)));
                }
            }

            before += shaped.Advance * size;
        }

        if (cuts.Count == 0)
        {
            // A single character wider than the column: nothing narrower exists to put there.
            return ([.. fragments], []);
        }

        var chosen = cuts.FindLastIndex(c => c.Width <= width + Tolerance);
        while (true)
        {
            // Every line takes at least one character, or a too-narrow column would loop forever.
            var (fragment, index, _) = cuts[Math.Max(chosen, 0)];
            var head = fragments.Take(fragment).ToList();
            var tail = fragments.Skip(fragment + 1).ToList();
            var split = fragments[fragment];
            if (index > 0)
            {
                head.Add(split with { Text = split.Text[..index] });
            }

            tail.Insert(0, split with { Text = split.Text[index..] });

            // Kerning across the cut can change the head's width; step back if it grew.
            if (chosen <= 0 || head.Sum(h => fonts.Shape(h.Face, h.Text).Advance * size) <= width + Tolerance)
            {
                return (head, tail);
            }

            chosen--;
        }
    }

    internal static FontFace FaceOf(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => FontFace.BoldItalic,
        (true, false) => FontFace.Bold,
        (false, true) => FontFace.Italic,
        _ => FontFace.Regular,
    };
}
