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

    public Task<T> WithDbAsync<T>(Func<OnboardingDbContext, Task<T>> action) => Factory.WithDbAsync(action);
}
