using Microsoft.Playwright;

namespace Onboarding.Tests.Browser;

/// <summary>
/// One headless system Chromium shared by a test collection. Playwright's own browser download
/// cannot work on these machines, so the tests drive the Debian package's binary, and fail (never
/// skip) when it is missing.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ExecutablePath}, and it is not there: install the Debian package (apt-get install chromium), as .ci/run does.");
        }
        // Expect(...) retries for 5 s by default; a busy shared machine can need longer.
        Assertions.SetDefaultExpectTimeout(30_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
    }
}
