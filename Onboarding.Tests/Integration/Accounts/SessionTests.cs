using System.Net;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.Accounts.AccountTestSupport;

namespace Onboarding.Tests.Integration.Accounts;

/// <summary>Security review, item 11: sign-out ends the session on the server, at once.</summary>
public class SessionTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_copied_sign_in_cookie_stops_working_as_soon_as_its_session_signs_out()
    {
        var jar = new CookieContainer();
        var owner = await SignInWithJarAsync(app, "hana.kobayashi@acme.example", jar);
        var copied = jar.GetCookies(owner.BaseAddress!)["onboarding.auth"]?.Value;
        Assert.NotNull(copied);
        var thief = app.CreateDefaultClient();
        thief.DefaultRequestHeaders.Add("Cookie", $"onboarding.auth={copied}");
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/engagements")).StatusCode);

        var signedOut = await InvitationTests.PostFormAsync(owner, "/sign-out", new(), tokenFrom: "/engagements");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // No clock moves: the copy is refused on its very next request, not at the next periodic check.
        var replayed = await thief.GetAsync("/engagements");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/sign-in", replayed.Headers.Location!.PathAndQuery);
    }
}
