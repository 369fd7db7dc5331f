using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Core.Data;
using Onboarding.Tests.Support.Smtp;

namespace Onboarding.Tests.Support;

/// <summary>
/// The app on a fresh PostgreSQL database (or, with <see cref="Provider"/> set to SQLite, a fresh SQLite
/// file) with the demo seeded, a fake clock, its own SMTP server and helpers to sign in.
/// </summary>
public sealed class OnboardingFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "correct-horse-battery";

    /// <summary>
    /// The configured public address; unlike the test server's own, so a link built from a request shows. Plain http, so
    /// that cookies stay Secure only on https requests and the tests' http clients get theirs back; an https address makes
    /// every cookie Secure (see ProxyTests).
    /// </summary>
    public const string BaseUrl = "http://onboarding.example";
    private static readonly ILoggerFactory SharedLogging = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
    public string ConnectionString { get; private set; } = "";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Postgres;

    /// <summary>Every exception that reached the error page (a 500), newest last, so a test can say what broke.</summary>
    public ConcurrentQueue<Exception> ServerErrors { get; } = new();

    private string? sqliteDirectory;

    /// <summary>
    /// Settings over the defaults below, given before the host starts: another database (a connection string here
    /// replaces the fresh PostgreSQL database), the proxies trusted, a certificate, ...
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Where the app's mail goes (digests resent, invitations), over a real socket.</summary>
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    public async Task InitializeAsync()
    {
        if (Settings.TryGetValue("ConnectionStrings:Onboarding", out var given))
        {
            ConnectionString = given ?? "";
        }
        else if (Provider == DatabaseProvider.Sqlite)
        {
            sqliteDirectory = Directory.CreateTempSubdirectory("onboarding-sqlite-").FullName;
            ConnectionString = $"Data Source={Path.Combine(sqliteDirectory, "onboarding.db")}";
        }
        else
        {
            ConnectionString = await PostgresServer.CreateDatabaseAsync("web");
        }
        // Starting the host migrates and seeds, exactly as a first start does.
        _ = Services;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        if (sqliteDirectory is not null)
        {
            builder.UseSetting("Database:DataDirectory", sqliteDirectory);
        }
        builder.UseSetting("ConnectionStrings:Onboarding", ConnectionString);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        builder.UseSetting("Seed:AdminPassword", DemoPassword);
        builder.UseSetting("Smtp:Host", Smtp.Host);
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Tls", "None");
        // Every test client reaches the TestServer from one (absent) address and signs in as the same few demo
        // people, so the limits are out of reach here; AttemptLimitTests set real ones.
        builder.UseSetting("AttemptLimits:PerAddress", "1000000");
        builder.UseSetting("AttemptLimits:SignInsPerAccount", "1000000");
        builder.UseSetting("AttemptLimits:ResetMailsPerAccount", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Fast hashing keeps sign-in cheap in tests; production keeps the strong default.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            // Hangfire logs through one process-wide provider, bound to the logger factory of the last
            // host that configured it. A test run starts and disposes many hosts side by side, so they
            // share one factory that outlives them all, or a disposed host's would break the others.
            services.RemoveAll<ILoggerFactory>();
            services.AddSingleton(SharedLogging);
            services.AddSingleton<IExceptionHandler>(new RecordingExceptionHandler(ServerErrors));
        });
    }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects, signed in as <paramref name="email"/>; on
    /// <paramref name="baseAddress"/> (https://localhost speaks https) or the test server's http://localhost.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string email, Uri? baseAddress = null)
    {
        var client = AnonymousClient(baseAddress);
        var token = await AntiforgeryTokenAsync(client, "/sign-in");
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public HttpClient AnonymousClient(Uri? baseAddress = null) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress ?? ClientOptions.BaseAddress });

    /// <summary>Reads the antiforgery token from a page's form, as a browser would submit it.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"no antiforgery token on {path}");
        return match.Groups[1].Value;
    }

    public async Task<T> WithDbAsync<T>(Func<OnboardingDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<OnboardingDbContext>());
    }
}

/// <summary>Keeps the exception behind each 500 and lets the app's error page answer as usual.</summary>
internal sealed class RecordingExceptionHandler(ConcurrentQueue<Exception> errors) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        errors.Enqueue(exception);
        return ValueTask.FromResult(false);
    }
}
