using Onboarding.Core.Documents;

namespace Onboarding.Tests.Unit.Documents;

public sealed class TextLayoutTests : IDisposable
{
    private readonly FontSet _fonts = new("DejaVu Sans");

    public static TheoryData<string, float> Texts => new()
    {
        { "Map the current hiring process with the TA lead so recruiters follow real steps.", 120 },
        { "https://example.com/engagements/acme/tasks/0123456789abcdefghijklmnopqrstuvwxyz?with=everything", 90 },
        { string.Concat(Enumerable.Repeat("Supercalifragilistic", 10)), 37 },
        { "Zażółć gęślą jaźń — Ñandú Øster — ⴰⵣⵓⵍ", 40 },
        { "a-b-c-d-e/f/g/h and/or day 1-30", 15 },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void No_line_is_wider_than_the_column(string text, float width)
    {
        var lines = TextLayout.Layout([new TextSpan(text), new TextSpan(" bold tail", Bold: true)], new TextStyle(), default, width, _fonts);

        Assert.All(lines, l => Assert.True(l.Width <= width + 0.01f, $"line of {l.Width} in {width}"));
        Assert.Equal(
            (text + " bold tail").Replace(" ", "", StringComparison.Ordinal),
            string.Concat(lines.SelectMany(l => l.Runs).Select(r => r.Glyphs.Text)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_break_at_spaces_before_anything_else()
    {
        var lines = TextLayout.Layout([new TextSpan("alpha beta gamma delta")], new TextStyle(), default, 70, _fonts);

        // The space between words on a line is placed; the one where the line breaks is not.
        Assert.Equal(["alpha beta", "gamma delta"], lines.Select(TextOf));
    }

    [Fact]
    public void A_space_takes_the_face_and_link_of_the_span_it_is_in()
    {
        var lines = TextLayout.Layout(
            [new TextSpan("see "), new TextSpan("the plan", Link: "https://example.com/plan"), new TextSpan(" now", Bold: true)],
            new TextStyle(),
            default,
            500,
            _fonts);

        var line = lines.Single();
        var runs = line.Runs;
        // A space goes with the word after it when they share face and link; the one before the link is a run of its own.
        Assert.Equal(["see", " ", "the", " plan", " now"], runs.Select(r => (r.SpaceBefore ? " " : "") + r.Glyphs.Text));
        Assert.Equal([null, null, "https://example.com/plan", "https://example.com/plan", null], runs.Select(r => r.Link == 0 ? null : line.Links[r.Link - 1]));
        Assert.Equal(_fonts.Primary(FontFace.Regular), runs[1].Glyphs.Face);
        Assert.Equal(_fonts.Primary(FontFace.Bold), runs[4].Glyphs.Face);
        Assert.All(runs.Zip(runs.Skip(1)), p => Assert.Equal(p.First.X + line.WidthOf(p.First), p.Second.X, 0.001f));
    }

    [Fact]
    public void A_newline_forces_a_line_break()
    {
        var lines = TextLayout.Layout([new TextSpan("one\ntwo")], new TextStyle(), default, 500, _fonts);

        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void Right_aligned_lines_end_at_the_column_edge()
    {
        var line = TextLayout.Layout([new TextSpan("Page 3 of 12")], new TextStyle { Align = TextAlign.Right }, default, 300, _fonts).Single();

        Assert.Equal(300, line.Runs[^1].X + line.WidthOf(line.Runs[^1]), 0.01f);
    }

    [Fact]
    public void A_5000_character_unbroken_word_fills_every_line_to_the_width_and_reads_back_whole()
    {
        // Letters in an order that repeats only every 5,000, with kerning pairs (AV, To, Wa) among them.
        var word = string.Concat(Enumerable.Range(0, 5_000).Select(i => "AVToWaLTyjfiélmq"[(i * 7 + (i / 16)) % 16]));
        const float width = 150;

        var lines = TextLayout.Layout([new TextSpan(word)], new TextStyle(), default, width, _fonts);

        Assert.Equal(word, string.Concat(lines.SelectMany(l => l.Runs).Select(r => r.Glyphs.Text)));
        Assert.All(lines, l => Assert.True(l.Width <= width + 0.01f, $"line of {l.Width} in {width}"));
        // Greedy: a line ends only where the next character would not have fitted.
        var widest = word.Distinct().Max(c => _fonts.Shape(FontFace.Regular, c.ToString()).Advance * new TextStyle().Size);
        Assert.All(lines.SkipLast(1), l => Assert.True(l.Width > width - widest - 1, $"line of {l.Width} ends early in {width}"));
        Assert.True(lines.Count > 5_000 * 4 / width, $"{lines.Count} lines");
    }

    [Fact]
    public void A_100000_character_text_with_long_words_across_faces_keeps_every_line_within_the_width_and_every_character()
    {
        // Words of every length up to 4,000 characters, some running from regular into bold and italic with no space.
        var random = new Random(11);
        var spans = new List<TextSpan>();
        var length = 0;
        while (length < 100_000)
        {
            var word = new string((char)('a' + random.Next(26)), random.Next(2) == 0 ? random.Next(1, 12) : random.Next(1, 4_000));
            var span = random.Next(4) switch
            {
                0 => new TextSpan(word, Bold: true),
                1 => new TextSpan(word, Italic: true),
                2 => new TextSpan(word + " "),
                _ => new TextSpan(word + "-"),
            };
            spans.Add(span);
            length += span.Text.Length;
        }

        const float width = 230;
        var lines = TextLayout.Layout(spans, new TextStyle(), default, width, _fonts);

        Assert.All(lines, l => Assert.True(l.Width <= width + 0.01f, $"line of {l.Width} in {width}"));
        Assert.Equal(
            string.Concat(spans.Select(s => s.Text)).Replace(" ", "", StringComparison.Ordinal),
            string.Concat(lines.SelectMany(l => l.Runs).Select(r => r.Glyphs.Text)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_word_cut_into_lines_draws_the_glyphs_of_the_whole_word_in_order()
    {
        var word = string.Concat(Enumerable.Repeat("AVAToWaffiéz", 300));

        var lines = TextLayout.Layout([new TextSpan(word)], new TextStyle(), default, 97, _fonts);

        Assert.True(lines.Count > 20, $"{lines.Count} lines");
        Assert.Equal(_fonts.Shape(FontFace.Regular, word).Runs.SelectMany(r => r.Glyphs), lines.SelectMany(l => l.Runs).SelectMany(r => r.Glyphs.Glyphs));
        // Each line's glyphs start at its left edge and follow one another by their advances.
        Assert.All(lines, l => Assert.Equal(0, l.Runs[0].Glyphs.Positions[0].X, 0.001f));
    }

    [Fact]
    public void A_long_right_to_left_word_is_cut_within_the_width_and_reads_back_whole()
    {
        var word = string.Concat(Enumerable.Repeat("שלוםעולםטובה", 300));

        var lines = TextLayout.Layout([new TextSpan(word)], new TextStyle(), default, 120, _fonts);

        Assert.True(lines.Count > 20, $"{lines.Count} lines");
        Assert.All(lines, l => Assert.True(l.Width <= 120.01f, $"line of {l.Width} in 120"));
        Assert.Equal(word, string.Concat(lines.SelectMany(l => l.Runs).Select(r => r.Glyphs.Text)));
    }

    private static string TextOf(TextLine line) => string.Concat(line.Runs.Select(r => (r.SpaceBefore ? " " : "") + r.Glyphs.Text));

    public void Dispose() => _fonts.Dispose();
}
