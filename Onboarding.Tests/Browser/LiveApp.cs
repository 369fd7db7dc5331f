using Onboarding.Core.Data;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Browser;

/// <summary>
/// The app of <see cref="OnboardingFactory"/> (real PostgreSQL, demo seeded, fake clock) served by
/// Kestrel on a free loopback port, because a browser cannot reach the in-memory TestServer.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    public OnboardingFactory Factory { get; } = new();

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => Factory.ClientOptions.BaseAddress;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        await ((IAsyncLifetime)Factory).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>
    /// An HTTP client over the real socket, signed in as <paramref name="email"/>, keeping cookies
    /// and not following redirects (the factory's own clients are built for the TestServer).
    /// </summary>
    public async Task<HttpClient> SignedInHttpClientAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = BaseAddress };
        var token = await OnboardingFactory.AntiforgeryTokenAsync(client, "/sign-in");
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = OnboardingFactory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<T> WithDbAsync<T>(Func<OnboardingDbContext, Task<T>> action) => Factory.WithDbAsync(action);
}
