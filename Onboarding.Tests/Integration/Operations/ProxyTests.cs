using System.Net;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>
/// Behind a TLS proxy: the forwarded scheme counts only from a configured proxy, cookies are Secure on HTTPS (and always
/// with an https public address), and a request for a host the app does not serve gets 400.
/// </summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task Forwarded_proto_from_an_unknown_proxy_is_ignored()
    {
        await using var app = await KestrelAppAsync(knownProxies: null);

        var response = await SignInPageAsync(app, forwardedProto: "https");

        Assert.DoesNotContain("secure", AntiforgeryCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Forwarded_proto_from_a_configured_proxy_marks_cookies_secure()
    {
        await using var app = await KestrelAppAsync(knownProxies: "10.1.2.3, 127.0.0.1");

        var plain = await SignInPageAsync(app, forwardedProto: null);
        var forwarded = await SignInPageAsync(app, forwardedProto: "https");

        Assert.DoesNotContain("secure", AntiforgeryCookie(plain), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", AntiforgeryCookie(forwarded), StringComparison.OrdinalIgnoreCase);
        Assert.True(forwarded.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cookies_are_always_secure_when_the_public_address_is_https()
    {
        await using var app = new OnboardingFactory { Settings = { ["Site:BaseUrl"] = "https://onboarding.example" } };
        await app.InitializeAsync();
        var overHttp = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var response = await overHttp.GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secure", AntiforgeryCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_the_public_host_and_localhost_are_answered()
    {
        await using var app = new OnboardingFactory();
        await app.InitializeAsync();

        async Task<HttpStatusCode> StatusForHostAsync(string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
            request.Headers.Host = host;
            return (await app.AnonymousClient().SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await StatusForHostAsync("attacker.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusForHostAsync("onboarding.example.attacker.example"));
        Assert.Equal(HttpStatusCode.OK, await StatusForHostAsync(new Uri(OnboardingFactory.BaseUrl).Host));
        Assert.Equal(HttpStatusCode.OK, await StatusForHostAsync("localhost"));
    }

    /// <summary>The app on a real socket, so requests come from 127.0.0.1; its public address is http.</summary>
    private static async Task<OnboardingFactory> KestrelAppAsync(string? knownProxies)
    {
        var app = new OnboardingFactory();
        if (knownProxies is not null)
        {
            app.Settings["Proxy:KnownProxies"] = knownProxies;
        }
        app.UseKestrel(0);
        await app.InitializeAsync();
        return app;
    }

    private static async Task<HttpResponseMessage> SignInPageAsync(OnboardingFactory app, string? forwardedProto)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.ClientOptions.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        // The public host, as the proxy forwards it (and HSTS is never sent for localhost).
        request.Headers.Host = new Uri(OnboardingFactory.BaseUrl).Host;
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("onboarding.csrf=", StringComparison.Ordinal));
}
