using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Onboarding.Jobs.Digests;
using Onboarding.Tests.Integration.Digests;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>What an operator meets: metrics, liveness and readiness, the page during an outage, and the logs.</summary>
public sealed class ObservabilityTests
{
    private const string Leader = "alex.morgan@northstar.example";

    [Fact]
    public async Task Metrics_show_digests_recorded_and_sent_pdf_renders_the_outbox_the_jobs_and_requests()
    {
        await using var app = new OnboardingFactory { Settings = { ["Metrics:Enabled"] = "true" } };
        await app.InitializeAsync();
        // The instruments count in this process, where the app's metrics now listen.
        await using (var world = await DigestWorld.StartAsync(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)))
        {
            await world.AddEngagementAsync("Acme launch", new DateOnly(2026, 11, 16), [new("ada@acme.example")]);
            var recorded = await world.WithScopeAsync(s => s.GetRequiredService<DigestDispatcher>().RecordDueAsync(CancellationToken.None));
            var summary = await world.WithScopeAsync(s => s.GetRequiredService<DigestDelivery>().DeliverAsync(recorded, CancellationToken.None));
            Assert.Equal(1, summary.Sent);
        }
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(Leader);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/engagements/{engagementId}/pack.pdf")).StatusCode);

        var metrics = await app.AnonymousClient().GetStringAsync("/metrics");

        // A sample line is the name, its labels in braces (the meter's scope among them) and the value.
        var samples = metrics.Split('\n').Where(l => !l.StartsWith('#')).ToList();
        foreach (var (name, label) in new[]
                 {
                     ("onboarding_digests_recorded_total", ""), ("onboarding_digests_sent_total", ""),
                     ("onboarding_pdf_render_duration_seconds_count", ""),
                     ("onboarding_outbox_digests", "status=\"Pending\""), ("onboarding_outbox_digests", "status=\"Sending\""),
                     ("onboarding_outbox_oldest_age_seconds", "status=\"Pending\""), ("onboarding_outbox_oldest_age_seconds", "status=\"Sending\""),
                     ("onboarding_jobs_failed", ""), ("onboarding_jobs_scheduled", ""),
                     ("http_server_request_duration_seconds_count", ""),
                 })
        {
            Assert.True(samples.Any(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal)),
                $"/metrics lacks {name} {label}:\n{metrics}");
        }
    }

    [Fact]
    public async Task Live_answers_without_the_database_and_ready_fails_when_it_is_gone_and_metrics_are_off_by_default()
    {
        await using var app = new OnboardingFactory();
        await app.InitializeAsync();
        var client = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);

        await PostgresServer.AdminAsync($"DROP DATABASE \"{new NpgsqlConnectionStringBuilder(app.ConnectionString).Database}\" WITH (FORCE)");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_request_while_the_database_is_unreachable_gets_the_apps_503_page()
    {
        var database = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("outage"));
        await using var relay = new TcpRelay(database.Host!, database.Port);
        database.Host = "127.0.0.1";
        database.Port = relay.Port;
        await using var app = new OnboardingFactory
        {
            Settings = { ["ConnectionStrings:Onboarding"] = database.ConnectionString, ["Database:Retries"] = "1" },
        };
        await app.InitializeAsync();
        var leader = await app.SignedInClientAsync(Leader);

        relay.Cut();
        var response = await leader.GetAsync("/engagements");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unavailable for a moment", page);
        Assert.Contains("cannot reach its database", page);
        Assert.IsType<RetryLimitExceededException>(Assert.Single(app.ServerErrors));
    }

    [Fact]
    public async Task Production_logs_are_json_lines_with_time_and_request_id_and_a_failed_request_logs_its_exception_once()
    {
        var folder = Directory.CreateTempSubdirectory("onboarding-logs-").FullName;
        try
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var environment = AppProcess.Sqlite(folder);
            environment["Jobs__RunServer"] = "false";
            environment["Logging__LogLevel__Onboarding.Requests"] = "Information";
            await using var process = AppProcess.Serve(environment, "--urls", url);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
            await WaitUntilLiveAsync(client);
            // The first start seeds once the server listens; the database goes away only after that.
            await process.WaitForLineAsync(l => l.TrimStart().StartsWith("Administrator ", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
            var token = await OnboardingFactory.AntiforgeryTokenAsync(client, "/sign-in");
            var signIn = await process.WaitForLineAsync(l => l.Contains("\"GET /sign-in answered 200", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

            var request = JsonDocument.Parse(signIn).RootElement;
            Assert.True(DateTimeOffset.TryParse(request.GetProperty("Timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Equal("Onboarding.Requests", request.GetProperty("Category").GetString());
            Assert.False(string.IsNullOrEmpty(RequestId(request)));

            File.Delete(Path.Combine(folder, "onboarding.db"));
            HttpResponseMessage failed;
            try
            {
                failed = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = Leader,
                    ["Password"] = "whatever-it-is",
                    ["__RequestVerificationToken"] = token,
                }));
            }
            catch (HttpRequestException e)
            {
                throw new Xunit.Sdk.XunitException($"The app dropped the request ({e.Message}); it printed:\n{process.Output}");
            }
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            var post = JsonDocument.Parse(await process.WaitForLineAsync(l => l.Contains("\"POST /sign-in answered 500", StringComparison.Ordinal), TimeSpan.FromSeconds(30))).RootElement;

            var entries = process.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var withException = entries.Where(e => e.TryGetProperty("Exception", out _)).ToList();
            var error = Assert.Single(withException);
            Assert.Equal("Error", error.GetProperty("LogLevel").GetString());
            Assert.Equal(RequestId(post), RequestId(error));
            Assert.Single(entries, e => e.GetProperty("LogLevel").GetString() is "Error" or "Critical");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? RequestId(JsonElement entry) =>
        entry.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _))
                .Select(s => s.GetProperty("RequestId").GetString()).FirstOrDefault()
            : null;

    private static async Task WaitUntilLiveAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not answer /health/live within a minute.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A TCP relay in front of PostgreSQL that a test can cut, as a stopped server or a lost network would.</summary>
    private sealed class TcpRelay : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> connections = [];
        private readonly CancellationTokenSource cut = new();
        private readonly Task accepting;

        public TcpRelay(string host, int port)
        {
            listener.Start();
            accepting = AcceptAsync(host, port);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        private async Task AcceptAsync(string host, int port)
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(cut.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
                var server = new TcpClient();
                await server.ConnectAsync(host, port);
                lock (connections)
                {
                    connections.Add(client);
                    connections.Add(server);
                }
                _ = PumpAsync(client, server);
                _ = PumpAsync(server, client);
            }
        }

        private static async Task PumpAsync(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The relay was cut, or one side hung up.
            }
            to.Dispose();
        }

        /// <summary>Refuses new connections and drops the open ones.</summary>
        public void Cut()
        {
            cut.Cancel();
            listener.Stop();
            lock (connections)
            {
                connections.ForEach(c => c.Dispose());
            }
        }

        public async ValueTask DisposeAsync()
        {
            Cut();
            await accepting;
            cut.Dispose();
        }
    }
}
