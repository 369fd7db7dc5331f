using System.Text.RegularExpressions;
using Onboarding.Core.Markdown;

namespace Onboarding.Tests.Unit.Markdown;

public partial class MarkdownTextTests
{
    public static TheoryData<string> ScriptPayloads => new()
    {
        "<script>alert(1)</script>",
        "Hello <script>alert(1)</script> world",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<div onclick=\"alert(1)\">click</div>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](javas&#99;ript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](java&#x0A;script:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](livescript:alert(1))",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "![x][ref]\n\n[ref]: javascript:alert(1)",
        "[ref]\n\n[ref]: vbscript:alert(1)",
        "[x](http://example.com \"a\\\" onmouseover=\\\"alert(1)\")",
        "[x](http://example.com){onclick=alert(1)}",
        "<div>\n<script>alert(1)</script>\n</div>",
        "<!-- x --><script>alert(1)</script>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "- [x] <img src=x onerror=alert(1)>",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
        "**[x](javascript:alert(1))**",
        "> [x](javascript:alert(1))",
        "`<script>alert(1)</script>`",
        "    <script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(ScriptPayloads))]
    public void Rendered_html_carries_no_active_script(string markdown)
    {
        var html = MarkdownText.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        // Attribute values are quoted with inner quotes escaped, so text inside them cannot be an attribute.
        Assert.DoesNotMatch(EventHandlerAttribute(), QuotedValue().Replace(html, "\"\""));
        foreach (Match target in UrlAttribute().Matches(html))
        {
            var url = System.Net.WebUtility.HtmlDecode(target.Groups["url"].Value);
            Assert.True(SafeUrl.IsAllowed(url), $"unsafe target '{url}' in {html}");
        }
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html,hi)")]
    public void An_unsafe_link_keeps_its_words_as_plain_text(string markdown)
    {
        Assert.Equal("<p>x</p>", MarkdownText.ToHtml(markdown).Trim());
    }

    [Fact]
    public void An_unsafe_autolink_becomes_escaped_text()
    {
        Assert.Equal("<p>javascript:alert(1)</p>", MarkdownText.ToHtml("<javascript:alert(1)>").Trim());
    }

    [Theory]
    [InlineData("[x](https://example.com/a?b=c)", "href=\"https://example.com/a?b=c\"")]
    [InlineData("[x](HTTP://example.com)", "href=\"HTTP://example.com\"")]
    [InlineData("[x](mailto:ta@example.com)", "href=\"mailto:ta@example.com\"")]
    [InlineData("[x](/engagements/4/tasks/7)", "href=\"/engagements/4/tasks/7\"")]
    [InlineData("[x](#why)", "href=\"#why\"")]
    [InlineData("[x](tasks/7?at=10:30)", "href=\"tasks/7?at=10:30\"")]
    [InlineData("<https://example.com>", "href=\"https://example.com\"")]
    [InlineData("<ta@example.com>", "href=\"mailto:ta@example.com\"")]
    [InlineData("see www.example.com today", "href=\"http://www.example.com\"")]
    [InlineData("![chart](/files/c.png)", "src=\"/files/c.png\"")]
    [InlineData("![chart](https://example.com/c.png)", "href=\"https://example.com/c.png\"")]
    public void Safe_links_and_images_keep_their_targets(string markdown, string expected)
    {
        Assert.Contains(expected, MarkdownText.ToHtml(markdown));
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        Assert.Equal("<p>&lt;b&gt;bold&lt;/b&gt;</p>", MarkdownText.ToHtml("<b>bold</b>").Trim());
    }

    [Fact]
    public void Common_markup_renders()
    {
        var html = MarkdownText.ToHtml("**Why:** the client's *first* RPO ~~ever~~\n\n- one\n- two\n\n1. a\n2. b");

        Assert.Contains("<strong>Why:</strong>", html);
        Assert.Contains("<em>first</em>", html);
        Assert.Contains("<del>ever</del>", html);
        Assert.Contains("<ul>", html);
        Assert.Contains("<ol>", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_input_renders_nothing(string? markdown)
    {
        Assert.Equal("", MarkdownText.ToHtml(markdown));
        Assert.Equal("", MarkdownText.ToPlainText(markdown));
    }

    [Fact]
    public void Plain_text_drops_markup_and_keeps_characters_unescaped()
    {
        var text = MarkdownText.ToPlainText("**Agree** the [SLA](https://example.com) & <review> it");

        Assert.Equal("Agree the SLA & <review> it", text);
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("java\u0000script:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("", false)]
    [InlineData("https://example.com", true)]
    [InlineData("mailto:a@example.com", true)]
    [InlineData("//example.com/x", true)]
    [InlineData("./a:b", true)]
    [InlineData("?q=a:b", true)]
    public void Url_allow_list(string url, bool allowed)
    {
        Assert.Equal(allowed, SafeUrl.IsAllowed(url));
    }

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedValue();

    [GeneratedRegex("(?:href|src)\\s*=\\s*\"(?<url>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
