namespace Onboarding.Tests.Browser;

public class HtmlValidatorTests
{
    [Fact]
    public async Task The_validator_refuses_seven_digit_datetimes_and_skipped_heading_levels_and_passes_valid_html()
    {
        const string Page = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>{0}</body></html>";

        var problems = await HtmlValidator.ProblemsAsync(string.Format(null, Page, "<h1>a</h1><h3>b</h3><time datetime=\"2026-11-23T14:00:00.0000000+00:00\">x</time>"), "bad.html");

        Assert.NotNull(problems);
        Assert.Contains("heading-level", problems);
        Assert.Contains("datetime", problems);
        Assert.Null(await HtmlValidator.ProblemsAsync(string.Format(null, Page, "<h1>a</h1><h2>b</h2><time datetime=\"2026-11-23T14:00:00Z\">x</time>"), "good.html"));
    }
}
