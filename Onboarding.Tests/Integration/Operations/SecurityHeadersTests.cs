using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>Every kind of response carries the security headers, with a Content-Security-Policy that allows the app's own script files and no inline script.</summary>
public sealed partial class SecurityHeadersTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Admin = "admin@northstar.example";
    private const string Leader = "alex.morgan@northstar.example";
    // https to the public host, as a browser behind TLS asks (HSTS is never sent for localhost).
    private static readonly Uri Https = new("https://onboarding.example");

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var calendarToken = await app.WithDbAsync(db => db.Members.Where(m => m.Email == Leader).Select(m => m.CalendarToken).SingleAsync());
        var leader = await app.SignedInClientAsync(Leader, Https);
        var anonymous = app.AnonymousClient(Https);
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["page"] = await leader.GetAsync($"/engagements/{engagementId}"),
            ["form page"] = await anonymous.GetAsync("/sign-in"),
            ["stylesheet"] = await anonymous.GetAsync("/css/site.css"),
            ["script"] = await anonymous.GetAsync("/js/common-hours.js"),
            ["icon"] = await anonymous.GetAsync("/favicon.svg"),
            ["error page"] = await leader.GetAsync("/no-such-page"),
            ["health"] = await anonymous.GetAsync("/health"),
            ["pdf"] = await leader.GetAsync($"/engagements/{engagementId}/pack.pdf"),
            ["calendar feed"] = await anonymous.GetAsync($"/calendar/{calendarToken}.ics"),
            ["sign-in redirect"] = await anonymous.GetAsync($"/engagements/{engagementId}"),
        };

        foreach (var (kind, response) in responses)
        {
            var csp = Header(response, "Content-Security-Policy", kind);
            Assert.Equal("'self'", Directive(csp, "script-src"));
            Assert.Equal("'none'", Directive(csp, "frame-ancestors"));
            Assert.Equal("'self'", Directive(csp, "style-src"));
            Assert.Equal("'self'", Directive(csp, "img-src"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", kind));
            Assert.Equal("DENY", Header(response, "X-Frame-Options", kind));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy", kind));
            Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security", kind));
        }
        Assert.Equal(HttpStatusCode.NotFound, responses["error page"].StatusCode);
        Assert.Equal("application/pdf", responses["pdf"].Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Plain_http_gets_no_strict_transport_security()
    {
        var response = await app.AnonymousClient().GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("'self'", Directive(Header(response, "Content-Security-Policy", "sign-in"), "script-src"));
    }

    [Fact]
    public async Task Pages_showing_mail_html_allow_inline_styles_and_still_no_script()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == Leader && m.EngagementId == engagementId).Select(m => m.Id).SingleAsync());
        var leader = await app.SignedInClientAsync(Leader);

        foreach (var path in new[] { $"/engagements/{engagementId}/digests/preview?member={memberId}", $"/engagements/{engagementId}/pack" })
        {
            var response = await leader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = Header(response, "Content-Security-Policy", path);
            Assert.Equal("'self' 'unsafe-inline'", Directive(csp, "style-src"));
            Assert.Equal("'none'", Directive(csp, "script-src"));
            Assert.Equal("'none'", Directive(csp, "frame-ancestors"));
        }
    }

    [Fact]
    public async Task The_jobs_dashboard_gets_its_own_policy_for_its_inline_scripts()
    {
        var admin = await app.SignedInClientAsync(Admin);

        var response = await admin.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy", "dashboard");
        Assert.Equal("'self' 'unsafe-inline'", Directive(csp, "script-src"));
        Assert.Equal("'none'", Directive(csp, "frame-ancestors"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options", "dashboard"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", "dashboard"));
    }

    /// <summary>The views hold no inline script, event handler or style attribute, so the strict policy breaks none of them.</summary>
    [Fact]
    public void No_view_has_inline_script_handlers_or_style_attributes()
    {
        var features = Path.Combine(RepositoryRoot(), "Onboarding.Web", "Features");
        var views = Directory.GetFiles(features, "*.cshtml", SearchOption.AllDirectories);
        Assert.NotEmpty(views);

        var problems = views
            .SelectMany(view => File.ReadLines(view).Select((line, i) => (view, line, number: i + 1)))
            .Where(x => InlineScript().IsMatch(x.line) || EventHandler().IsMatch(x.line) || StyleAttribute().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(features, x.view)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Header(HttpResponseMessage response, string name, string kind)
    {
        var values = response.Headers.TryGetValues(name, out var found) ? found.ToList() : [];
        Assert.True(values.Count == 1, $"{kind} ({(int)response.StatusCode} {response.RequestMessage?.RequestUri?.AbsolutePath}) carries {values.Count} {name} headers, not one");
        return values[0];
    }

    private static string? Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Select(d => d.Split(' ', 2)).Where(d => d[0] == name).Select(d => d.Length > 1 ? d[1] : "").SingleOrDefault();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Onboarding.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException($"No Onboarding.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
