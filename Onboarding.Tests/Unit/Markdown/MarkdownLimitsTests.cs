using System.Net;
using Onboarding.Core.Markdown;

namespace Onboarding.Tests.Unit.Markdown;

/// <summary>Text Markdig cannot or should not format (too deep, too long) is refused as input and shown as written when stored.</summary>
public class MarkdownLimitsTests
{
    private static string Repeat(string unit, int times) => string.Concat(Enumerable.Repeat(unit, times));

    public static TheoryData<string, string> Pathological => new()
    {
        { "200 quotes", new string('>', 200) + " deep" },
        { "200 spaced quotes", Repeat("> ", 200) + "deep" },
        { "200 bullets", Repeat("- ", 200) + "deep" },
        { "200 numbers", Repeat("1. ", 200) + "deep" },
        { "200 letters", Repeat("M. ", 200) + "deep" },
        { "quotes in lists", Repeat("> - ", 100) + "deep" },
        { "100 indented list levels", string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- deep\n")) },
        { "nested emphasis", Repeat("*a ", 200) + "deep" + Repeat(" b*", 200) },
        { "nested strikethrough", Repeat("~~a ", 200) + "deep" + Repeat(" b~~", 200) },
        { "open brackets", new string('[', 200) + "deep" },
        { "nested images", Repeat("![a ", 200) + "deep" + Repeat("](u)", 200) },
        { "10,001 characters", "deep " + new string('x', 9_996) },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_markdown_renders_as_escaped_text_instead_of_throwing(string name, string markdown)
    {
        var html = MarkdownText.ToHtml(markdown);
        var text = MarkdownText.ToPlainText(markdown);

        Assert.True(MarkdownText.Problem(markdown) is not null, $"{name} passes validation");
        Assert.Equal($"<p>{WebUtility.HtmlEncode(markdown.Trim()).ReplaceLineEndings("<br>\n")}</p>\n", html);
        Assert.Equal(markdown.TrimEnd(), text);
    }

    [Fact]
    public void Problem_says_how_deep_the_quotes_go_and_what_is_allowed()
    {
        Assert.Equal(
            "Nested 200 levels deep; at most 20 levels of quotes or lists are allowed.",
            MarkdownText.Problem(new string('>', 200) + " deep"));
    }

    [Fact]
    public void Twenty_levels_of_quotes_render_and_twenty_one_are_refused()
    {
        var twenty = Repeat("> ", 20) + "deep";

        Assert.Null(MarkdownText.Problem(twenty));
        Assert.Equal(20, MarkdownText.ToHtml(twenty).Split("<blockquote>").Length - 1);
        Assert.Equal("Nested 21 levels deep; at most 20 levels of quotes or lists are allowed.", MarkdownText.Problem("> " + twenty));
    }

    [Fact]
    public void Lists_nested_by_indent_count_as_levels()
    {
        var list = string.Concat(Enumerable.Range(0, 25).Select(i => new string(' ', 2 * i) + $"- level {i + 1}\n"));

        Assert.Equal("Nested 25 levels deep; at most 20 levels of quotes or lists are allowed.", MarkdownText.Problem(list));
    }

    [Fact]
    public void Emphasis_nested_too_deep_is_refused_with_its_depth()
    {
        var emphasis = Repeat("*a ", 30) + "deep" + Repeat(" b*", 30);

        Assert.Equal("Emphasis, links or brackets are nested 30 levels deep; at most 20 levels are allowed.", MarkdownText.Problem(emphasis));
    }

    [Fact]
    public void Text_over_the_fields_limit_is_refused_with_both_lengths()
    {
        Assert.Equal("It is 4,001 characters long; at most 4,000 are allowed.", MarkdownText.Problem(new string('x', 4_001), 4_000));
        Assert.Null(MarkdownText.Problem(new string('x', 4_000), 4_000));
    }

    [Theory]
    [InlineData("**Why:** the client's *first* RPO ~~ever~~\n\n- one\n  - two\n    - three\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |")]
    [InlineData("Mr. Smith and Dr. Jones meet at 10. Then - as agreed - we start.")]
    [InlineData("- [ ] task\n- [x] done")]
    public void Ordinary_markdown_has_no_problem_and_renders_formatted(string markdown)
    {
        Assert.Null(MarkdownText.Problem(markdown));
        Assert.DoesNotContain("&gt;", MarkdownText.ToHtml(markdown));
    }
}
