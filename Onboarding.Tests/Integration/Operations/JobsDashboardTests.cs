using System.Net;
using System.Text.RegularExpressions;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

public sealed partial class JobsDashboardTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Admin = "admin@northstar.example";

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in()
    {
        var response = await app.AnonymousClient().GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fjobs", response.Headers.Location.Query);
    }

    [Fact]
    public async Task A_signed_in_non_administrator_is_refused_with_the_error_page()
    {
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");

        var response = await leader.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Not part of your role", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stats_answer_the_dashboards_own_post_and_refuse_a_visit_without_a_500()
    {
        var admin = await app.SignedInClientAsync(Admin);
        var dashboard = await admin.GetStringAsync("/admin/jobs");
        var header = CsrfMeta().Matches(dashboard).SingleOrDefault(m => m.Groups["name"].Value == "csrf-header");
        var token = CsrfMeta().Matches(dashboard).SingleOrDefault(m => m.Groups["name"].Value == "csrf-token");
        Assert.True(header is not null && token is not null, "the dashboard page names no antiforgery header and token for its scripts");

        var visit = await admin.GetAsync("/admin/jobs/stats");
        using var poll = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/stats")
        {
            Content = new FormUrlEncodedContent([new("metrics[]", "failed:count")]),
        };
        poll.Headers.Add(WebUtility.HtmlDecode(header.Groups["content"].Value), WebUtility.HtmlDecode(token.Groups["content"].Value));
        var polled = await admin.SendAsync(poll);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, visit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        Assert.Contains("\"failed:count\"", await polled.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<meta name=\"(?<name>csrf-[a-z]+)\" content=\"(?<content>[^\"]+)\"")]
    private static partial Regex CsrfMeta();
}
