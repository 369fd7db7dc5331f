using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Browser;

/// <summary>
/// One person's browser tab on the live app: a fresh context (own cookies) at a laptop-sized
/// viewport that records every console error, uncaught page error and dialog, so a flow can
/// fail on any of them, plus the accessibility check and screenshots every flow uses.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];
    private readonly List<Task<string?>> validations = [];

    public IPage Page { get; }

    /// <summary>Messages of every alert, confirm or prompt the page opened; a dialog means script ran.</summary>
    public List<string> Dialogs { get; } = [];

    private BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page error on {page.Url}: {error}");
        // Every page the flow visits, by address or by a link or form, is validated as the server sent it.
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Status is < 300 or >= 400
                && response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))
            {
                lock (validations)
                {
                    validations.Add(ValidateAsync(response));
                }
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add($"{dialog.Type} on {page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    /// <param name="width">The viewport's width in CSS pixels: 1280 for a laptop, 375 or 390 for a phone.</param>
    public static async Task<BrowserPage> OpenAsync(Chromium chromium, LiveApp app, int width = 1280)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            Locale = "en-GB",
        });
        // Four engineers' builds share two cores here: waits are generous so load alone never fails a flow.
        context.SetDefaultTimeout(90_000);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    /// <summary>Goes to <paramref name="path"/> and insists the app answered it with a page, not an error.</summary>
    public async Task GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}");
    }

    /// <summary>Signs in through the sign-in form as a person would, and lands on their home page.</summary>
    public async Task SignInAsync(string email)
    {
        await GoToAsync("/sign-in");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(OnboardingFactory.DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/sign-in"));
    }

    /// <summary>Runs axe-core over the page as it is now and fails on any serious or critical violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var severe = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(5).Select(n => n.Html))}")
            .ToList();
        Assert.True(severe.Count == 0, $"Accessibility violations on {Page.Url}:\n{string.Join("\n", severe)}");
    }

    /// <summary>Saves the visible page as screenshots/<paramref name="name"/>.png beside the test assembly.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png") });
    }

    /// <summary>
    /// Fails if the page logged a console error, threw, or opened a dialog at any point so far. Chromium logs a page answered
    /// with an error status as a console error; a flow that submits a form with mistakes on purpose names the status it expects.
    /// </summary>
    public void AssertNoScriptErrors(params int[] expectedStatuses)
    {
        var unexpected = errors.Where(e => !expectedStatuses.Any(s => e.Contains($"Failed to load resource: the server responded with a status of {s} (", StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        Assert.True(Dialogs.Count == 0, $"Unexpected dialogs: {string.Join("\n", Dialogs)}");
    }

    private static async Task<string?> ValidateAsync(IResponse response)
    {
        var name = string.Concat(new Uri(response.Url).AbsolutePath.Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-') + ".html";
        string html;
        try
        {
            html = await response.TextAsync();
        }
        catch (PlaywrightException e) when (e.Message.Contains("navigated away", StringComparison.Ordinal))
        {
            // Under load a flow can leave a page (a sign-in's landing page, left at once for the next) before Chromium
            // hands over its body; Chromium then has none to give. The pages it led to are checked as usual.
            return null;
        }

        var problems = await HtmlValidator.ProblemsAsync(html, name);
        return problems is null ? null : $"{response.Url}:\n{problems}";
    }

    /// <summary>Closes the tab, failing if any page it showed was not valid HTML.</summary>
    public async ValueTask DisposeAsync()
    {
        Task<string?>[] pending;
        lock (validations)
        {
            pending = [.. validations];
        }
        var invalid = (await Task.WhenAll(pending)).OfType<string>().ToList();
        await context.DisposeAsync();
        Assert.True(invalid.Count == 0, $"Invalid HTML:\n{string.Join("\n", invalid)}");
    }
}
