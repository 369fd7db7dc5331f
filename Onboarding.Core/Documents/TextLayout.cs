using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>
/// A run of glyphs on a line, from <see cref="X"/>; with <see cref="SpaceBefore"/> its face's word space is drawn
/// there first. <see cref="Link"/> is the run's link's place in <see cref="TextLine.Links"/> plus one, 0 for none.
/// </summary>
/// <remarks>
/// A 1,000-task pack keeps a run per word until it is drawn (there were some 300,000 when each space was a run
/// of its own), so they are 16 bytes: size, colour and links are the line's, and the space before a word rides
/// with it.
/// </remarks>
internal readonly record struct PlacedRun(GlyphRun Glyphs, float X, ushort Link, bool SpaceBefore);

/// <summary>
/// One laid-out line; <see cref="Baseline"/> is measured from the line's top. Its runs are in one size, and in
/// <see cref="Color"/> or, for links, <see cref="LinkColor"/>.
/// </summary>
internal sealed record TextLine(float Width, float Height, float Baseline, float Size, SKColor Color, SKColor LinkColor, PlacedRun[] Runs, string[] Links)
{
    /// <summary>From where the run starts (its space, if any) to its end.</summary>
    public float WidthOf(PlacedRun run) => ((run.SpaceBefore ? run.Glyphs.Face.Space.Advance : 0) + run.Glyphs.Advance) * Size;

    public SKColor ColorOf(PlacedRun run) => run.Link == 0 ? Color : LinkColor;
}

/// <summary>
/// Greedy line breaking that never exceeds the width: lines break at spaces and after
/// '-' or '/', and a word wider than the whole line is cut between characters. The space
/// between two words on a line is placed as a glyph like any other.
/// </summary>
/// <remarks>
/// A pack lays out tens of thousands of words, so a word is never copied out of its span:
/// it is a list of (span text, start, length) pieces, looked up in the shaping cache by span.
/// </remarks>
internal static class TextLayout
{
    // Layout widths are sums of floats; a hair of tolerance keeps an exact fit on one line.
    private const float Tolerance = 0.01f;

    public static IReadOnlyList<TextLine> Layout(
        IReadOnlyList<TextSpan> spans, TextStyle style, SKColor linkColor, float width, FontSet fonts)
    {
        var breaker = new LineBreaker(style, linkColor, width, fonts);
        foreach (var span in spans)
        {
            breaker.Add(span);
        }

        return breaker.Finish();
    }

    internal static FontFace FaceOf(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => FontFace.BoldItalic,
        (true, false) => FontFace.Bold,
        (false, true) => FontFace.Italic,
        _ => FontFace.Regular,
    };

    /// <summary>Part of a word that lies in one span, shaped in that span's face.</summary>
    /// <summary>A place to cut a word: before char <see cref="Index"/> of piece <see cref="Piece"/>, with the word's width before it.</summary>
    private readonly record struct CutAt(int Piece, int Index, float Width);

    private readonly record struct Piece(string Text, int Start, int Length, FontFace Face, string? Link, ShapedText Shaped)
    {
        public ReadOnlySpan<char> Chars => Text.AsSpan(Start, Length);
    }

    private sealed class LineBreaker(TextStyle style, SKColor linkColor, float width, FontSet fonts)
    {
        private readonly float _size = style.Size;
        private readonly float _lineHeight = style.Size * style.LineHeight;
        private readonly float _baseline = Baseline(style, fonts.Primary(FontFace.Regular));
        // The line, its links and the word being built are copied out when done, so their lists are
        // reused: one set per thread, as laying out text never lays out other text before it returns.
        [ThreadStatic]
        private static (List<PlacedRun> Runs, List<Piece> Word, List<string> Links)? t_scratch;

        private readonly List<TextLine> _lines = [];
        private readonly List<PlacedRun> _runs = Scratch().Runs;
        private readonly List<Piece> _word = Scratch().Word;
        private readonly List<string> _links = Scratch().Links;
        private float _x;

        // A space placed before a word and not yet put on the line: it goes with the word's first run when it can.
        private (GlyphRun Glyphs, string? Link, float X)? _space;

        // The whitespace before the word being read: whether there was any, and the face and link of the span it sat in.
        private bool _spaceBefore;
        private FontFace _spaceFace = FaceOf(style.Bold, style.Italic);
        private string? _spaceLink;

        private static (List<PlacedRun> Runs, List<Piece> Word, List<string> Links) Scratch()
        {
            var scratch = t_scratch ??= ([], [], []);
            scratch.Runs.Clear();
            scratch.Word.Clear();
            scratch.Links.Clear();
            return scratch;
        }

        public void Add(TextSpan span)
        {
            var text = span.Text.Normalize(NormalizationForm.FormC);
            var face = FaceOf(style.Bold || span.Bold, style.Italic || span.Italic);
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\n')
                {
                    EndPiece(text, start, i, face, span.Link);
                    EndWord();
                    EndLine();
                    _spaceBefore = false;
                    start = i + 1;
                }
                else if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    EndPiece(text, start, i, face, span.Link);
                    EndWord();
                    _spaceBefore = true;
                    _spaceFace = face;
                    _spaceLink = span.Link;
                    start = i + 1;
                }
                else if ((c is '-' or '/') && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
                {
                    EndPiece(text, start, i + 1, face, span.Link);
                    EndWord();
                    start = i + 1;
                }
            }

            // A word may go on in the next span, in another face.
            EndPiece(text, start, text.Length, face, span.Link);
        }

        public IReadOnlyList<TextLine> Finish()
        {
            EndWord();
            if (_runs.Count > 0 || _lines.Count == 0)
            {
                EndLine();
            }

            return _lines;
        }

        private void EndPiece(string text, int start, int end, FontFace face, string? link)
        {
            if (end > start)
            {
                _word.Add(new Piece(text, start, end - start, face, link, fonts.Shape(face, text.AsSpan(start, end - start))));
            }
        }

        private void EndWord()
        {
            if (_word.Count == 0)
            {
                return;
            }

            Place(_word);
            _word.Clear();
            _spaceBefore = false;
        }

        private void Place(List<Piece> word)
        {
            var spaceBefore = _spaceBefore;
            while (true)
            {
                var wordWidth = WidthOf(word);
                var space = _runs.Count > 0 && spaceBefore ? fonts.Space(_spaceFace) : null;
                var spaceWidth = space is null ? 0 : space.Advance * _size;
                if (_x + spaceWidth + wordWidth <= width + Tolerance)
                {
                    // The space is drawn as a glyph, not left as a gap: a line in one face becomes one
                    // string in the PDF instead of a move and a string per word, and copied text keeps its spaces.
                    if (space is not null)
                    {
                        _space = (space, _spaceLink, _x);
                        _x += spaceWidth;
                    }

                    foreach (var piece in word)
                    {
                        PlaceShaped(piece.Shaped, piece.Link);
                    }

                    PlaceSpace();
                    return;
                }

                if (_runs.Count > 0)
                {
                    EndLine();
                    continue;
                }

                PlaceLongWord(word);
                return;
            }
        }

        private void PlaceShaped(ShapedText shaped, string? link)
        {
            foreach (var run in shaped.Runs)
            {
                if (_space is { } space && space.Glyphs.Face == run.Face && space.Link == link)
                {
                    _space = null;
                    _runs.Add(new PlacedRun(run, space.X, LinkIndex(link), SpaceBefore: true));
                }
                else
                {
                    PlaceSpace();
                    _runs.Add(new PlacedRun(run, _x, LinkIndex(link), SpaceBefore: false));
                }

                _x += run.Advance * _size;
            }
        }

        // A space in another face or link than the word after it is a run of its own.
        private void PlaceSpace()
        {
            if (_space is { } space)
            {
                _space = null;
                _runs.Add(new PlacedRun(space.Glyphs, space.X, LinkIndex(space.Link), SpaceBefore: false));
            }
        }

        private ushort LinkIndex(string? link)
        {
            if (link is null)
            {
                return 0;
            }

            var index = _links.IndexOf(link);
            if (index < 0)
            {
                _links.Add(link);
                index = _links.Count - 1;
            }

            return checked((ushort)(index + 1));
        }

        private float WidthOf(List<Piece> pieces)
        {
            var sum = 0f;
            foreach (var piece in pieces)
            {
                sum += piece.Shaped.Advance * _size;
            }

            return sum;
        }

        private void EndLine()
        {
            var offset = style.Align switch
            {
                TextAlign.Right => width - _x,
                TextAlign.Center => (width - _x) / 2,
                _ => 0,
            };
            var runs = new PlacedRun[_runs.Count];
            for (var i = 0; i < runs.Length; i++)
            {
                runs[i] = offset == 0 ? _runs[i] : _runs[i] with { X = _runs[i].X + offset };
            }

            _lines.Add(new TextLine(_x, _lineHeight, _baseline, _size, style.Color, linkColor, runs, _links.Count == 0 ? [] : [.. _links]));
            _runs.Clear();
            _links.Clear();
            _x = 0;
        }

        // Centred in the line pitch on the regular face's ascent and descent, whatever the faces on the line.
        private static float Baseline(TextStyle style, ShapingFace regular)
        {
            var lineHeight = style.Size * style.LineHeight;
            return ((lineHeight - ((regular.Ascent + regular.Descent) * style.Size)) / 2) + (regular.Ascent * style.Size);
        }

        /// <summary>
        /// Places a word wider than the line, starting on an empty line: every line but the last is
        /// filled up to the width, cut between characters; the last stays open for the words after it.
        /// </summary>
        /// <remarks>
        /// Linear in the word: the cuts are chosen from the glyph advances of the word as shaped once,
        /// and each line's glyphs are cut out of that shaping (see <see cref="Part"/>). Cutting the rest
        /// of the word again and again was quadratic, and a 5,000-character name took minutes.
        /// </remarks>
        private void PlaceLongWord(List<Piece> word)
        {
            var cuts = Cuts(word);
            var last = cuts.Count - 1;
            var start = new CutAt(0, 0, 0);
            var next = 0;
            while (true)
            {
                // The rest is shaped only when its advances say it fits, so only a line's worth of it.
                if (next == last || cuts[last].Width - start.Width <= width + Tolerance)
                {
                    var rest = Range(word, start, cuts[last]);
                    // A single character wider than the column: nothing narrower exists to put there.
                    if (next == last || WidthOf(rest) <= width + Tolerance)
                    {
                        PlaceAll(rest);
                        return;
                    }
                }

                // The last cut that fits, but at least one character per line, or a too-narrow column would loop forever.
                var chosen = next;
                while (chosen + 1 < last && cuts[chosen + 1].Width - start.Width <= width + Tolerance)
                {
                    chosen++;
                }

                // Right-to-left text is shaped again per line, which can change its width; step back if it grew.
                var head = Range(word, start, cuts[chosen]);
                while (chosen > next && WidthOf(head) > width + Tolerance)
                {
                    chosen--;
                    head = Range(word, start, cuts[chosen]);
                }

                PlaceAll(head);
                EndLine();
                start = cuts[chosen];
                next = chosen + 1;
            }
        }

        private void PlaceAll(List<Piece> pieces)
        {
            foreach (var piece in pieces)
            {
                PlaceShaped(piece.Shaped, piece.Link);
            }
        }

        /// <summary>
        /// Every place the word may be cut, in reading order: each character boundary (never inside
        /// an accented letter or a surrogate pair) after the first, and the word's end, with the width before it.
        /// </summary>
        private List<CutAt> Cuts(List<Piece> pieces)
        {
            var cuts = new List<CutAt>();
            var before = 0f;
            for (var p = 0; p < pieces.Count; p++)
            {
                var piece = pieces[p];
                var advances = piece.Shaped.AdvancesBefore(piece.Length);
                foreach (var index in StringInfo.ParseCombiningCharacters(piece.Chars.ToString()))
                {
                    if (p > 0 || index > 0)
                    {
                        cuts.Add(new CutAt(p, index, before + (advances[index] * _size)));
                    }
                }

                before += piece.Shaped.Advance * _size;
            }

            cuts.Add(new CutAt(pieces.Count - 1, pieces[^1].Length, before));
            return cuts;
        }

        /// <summary>The word from one cut to another, pieces inside it reused and pieces cut through shaped anew.</summary>
        private List<Piece> Range(List<Piece> pieces, CutAt from, CutAt to)
        {
            var range = new List<Piece>();
            for (var p = from.Piece; p <= to.Piece; p++)
            {
                var piece = pieces[p];
                var start = p == from.Piece ? from.Index : 0;
                var end = p == to.Piece ? to.Index : piece.Length;
                if (end > start)
                {
                    range.Add(start == 0 && end == piece.Length ? piece : Part(piece, start, end - start));
                }
            }

            return range;
        }

        private Piece Part(Piece piece, int start, int length) =>
            piece with
            {
                Start = piece.Start + start,
                Length = length,
                // Cut out of the word's shaping where the text allows: shaping each line again cost as
                // much as the rest of the layout, and filled the shared cache with pieces of one word.
                Shaped = piece.Shaped.Slice(start, length) ?? fonts.Shape(piece.Face, piece.Text.AsSpan(piece.Start + start, length)),
            };
    }
}
