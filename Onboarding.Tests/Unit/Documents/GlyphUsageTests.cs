using Onboarding.Core.Documents;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>Fonts are cut down to the glyphs found while laying out, so text laid out later must have been reserved.</summary>
public sealed class GlyphUsageTests : IDisposable
{
    private readonly FontSet _fonts = new("DejaVu Sans");

    [Fact]
    public void Text_laid_out_while_drawing_may_only_use_glyphs_reserved_during_layout()
    {
        var theme = DocumentTheme.Default;
        var usage = new GlyphUsage();
        var layout = new LayoutContext(_fonts, theme, [], usage);
        layout.Reserve("0123456789", theme.Body);
        using var context = new DrawContext(_fonts, theme, new Dictionary<string, int>(), f => f.Typeface, usage);

        Assert.Equal("42", string.Concat(context.Text("42", theme.Body, 100).Runs.Select(r => r.Glyphs.Text)));
        var error = Assert.Throws<InvalidOperationException>(() => context.Text("Page 42", theme.Body, 100));
        Assert.Contains("'Page 42' is drawn but was not laid out", error.Message);
    }

    [Fact]
    public void Every_laid_out_run_is_counted_once_with_its_characters()
    {
        var usage = new GlyphUsage();
        var layout = new LayoutContext(_fonts, DocumentTheme.Default, [], usage);

        layout.Lines([new TextSpan("Zażółć gęślą jaźń "), new TextSpan("Zażółć", Bold: true)], DocumentTheme.Default.Body, 1000);

        var regular = usage.Faces[_fonts.Primary(FontFace.Regular)];
        var bold = usage.Faces[_fonts.Primary(FontFace.Bold)];
        Assert.Equal("Zażółć gęślą jaźń ".Distinct().Order(), regular.Codepoints.Select(c => (char)c).Order());
        Assert.Equal("Zażółć".Distinct().Order(), bold.Codepoints.Select(c => (char)c).Order());
        Assert.Equal(regular.Codepoints.Count, regular.Glyphs.Count);
    }

    public void Dispose() => _fonts.Dispose();
}
