using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Jobs.Digests;
using Onboarding.Tests.Integration.Digests;
using Onboarding.Tests.Support;
using Xunit.Abstractions;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>
/// The production shape on real processes: one PostgreSQL (a cluster of this test's own, which it stops), <c>migrate</c>
/// run once, two web nodes and two workers, and a real SMTP relay. Workers are killed mid-dispatch and mid-delivery and
/// stopped with SIGTERM, the database goes away for 20 seconds and the relay refuses every message for a minute; every
/// due digest still arrives, at most once more per fault, and the metrics show the backlog rise and fall.
/// </summary>
/// <remarks>
/// The app's timings are shortened by configuration so that this runs in under three minutes: the dispatcher every
/// 10 seconds, a killed worker's job fetched again after 15, delivery retried every 20, unclaimed digests picked up
/// after 20. The database outage falls inside the relay's minute, so that no delivery fails twice for the two.
/// </remarks>
[Collection(FaultCollection.Name)]
public sealed partial class FaultTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Engagements = 4;
    private const int PeoplePerEngagement = 60;
    private const int People = Engagements * PeoplePerEngagement;
    private const int Faults = 5;
    private const string Admin = "admin@northstar.example";
    private const string AdminPassword = "Faulty relays hum at dawn 7391";
    private const WorkingDays EveryDay = WorkingDays.MondayToFriday | WorkingDays.Saturday | WorkingDays.Sunday;
    private static readonly TimeSpan RelayRefuses = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan DatabaseAway = TimeSpan.FromSeconds(20);

    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private readonly List<ServingApp> workers = [];
    private readonly List<WebNode> webs = [];
    private PostgresCluster cluster = null!;
    private string connectionString = null!;
    private DigestWorld world = null!;

    public async Task InitializeAsync()
    {
        cluster = PostgresCluster.Start();
        await using (var admin = new NpgsqlConnection(cluster.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE onboarding", admin);
            await create.ExecuteNonQueryAsync();
        }
        connectionString = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = "onboarding" }.ConnectionString;
        var (exit, output, error) = await AppProcess.RunAsync(connectionString, "migrate");
        Assert.True(exit == 0, $"migrate ended {exit}:\n{output}\n{error}");
        world = DigestWorld.Attach(connectionString, DateTimeOffset.UtcNow);
        Note("database built");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in workers.Concat(webs.Select(w => w.App)))
        {
            await process.DisposeAsync();
        }
        foreach (var web in webs)
        {
            web.Client.Dispose();
        }
        if (world is not null)
        {
            await world.DisposeAsync();
        }
        cluster?.Dispose();
    }

    [Fact]
    public async Task Every_due_digest_arrives_through_killed_and_stopped_workers_a_database_outage_and_a_refusing_relay()
    {
        var cookies = new CookieContainer();
        webs.Add(StartWeb(cookies));
        webs.Add(StartWeb(cookies));
        StartWorker();
        StartWorker();
        // The first start seeds the provider and its administrator once; the engagements are added to that provider.
        await Task.WhenAll(webs.Select(w => w.App.WaitForLineAsync(l => l.TrimStart().StartsWith("Using the accounts", StringComparison.Ordinal)
            || l.TrimStart().StartsWith("Sign-ins created now", StringComparison.Ordinal), TimeSpan.FromSeconds(120))));
        Note("web nodes seeded");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var e = 1; e <= Engagements; e++)
        {
            // In UTC at hour 0 on every day: their digest is due whenever the test runs.
            await world.AddEngagementAsync($"Fault client {e}", today.AddDays(-1), Enumerable.Range(1, PeoplePerEngagement)
                .Select(i => new Person($"person{e}x{i:00}@client{e}.example", Zone: "Etc/UTC", Hour: 0, WorkingDays: EveryDay)));
        }
        // Slow enough that delivery is still under way when the faults come: four delivery threads, ten messages a second each.
        world.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(100);
        Note($"{People} people in {Engagements} engagements");
        using var scraping = new CancellationTokenSource();
        var backlog = new List<(TimeSpan At, int Pending, int Sending)>();
        var scraper = ScrapeBacklogAsync(backlog, scraping.Token);
        await WaitUntilAsync(() => Task.FromResult(RecurringJobExists()), TimeSpan.FromSeconds(60), "the workers' schedules");
        // Now, rather than at the scheduler's next poll; the schedule then runs it every 10 seconds.
        world.Services.GetRequiredService<IRecurringJobManager>().Trigger(DigestDispatchJob.RecurringId);
        Note("dispatch triggered");

        var dispatching = await WaitForAsync(async () => await CountAsync(_ => true) is > 0 and < People ? Running(nameof(DigestDispatchJob)) : null,
            TimeSpan.FromSeconds(60), "a dispatch run half-way");
        await dispatching!.KillAsync();
        StartWorker();
        Note($"fault 1: worker {dispatching.Id} killed mid-dispatch");

        var delivering = await WaitForAsync(async () => await CountAsync(d => d.Status == DigestStatus.Sent) > 0 ? Running(nameof(DigestDeliveryJob)) : null,
            TimeSpan.FromSeconds(60), "a delivery under way");
        await delivering!.KillAsync();
        StartWorker();
        Note($"fault 2: worker {delivering.Id} killed mid-delivery");

        // A worker that has started (one still starting has no handler yet and just dies), sending if one is.
        var stopping = await WaitForAsync(() => Task.FromResult(Running(nameof(DigestDeliveryJob))), TimeSpan.FromSeconds(20), "a delivery to stop", fails: false)
            ?? await WaitForAsync(() => Task.FromResult(workers.FirstOrDefault(w => !w.HasExited && Serving(w))), TimeSpan.FromSeconds(60), "a worker serving");
        Assert.Equal(0, await stopping!.TerminateAsync(TimeSpan.FromSeconds(30)));
        StartWorker();
        Note($"fault 3: worker {stopping.Id} stopped by SIGTERM");

        var backlogAtRelayOutage = await CountAsync(d => d.Status != DigestStatus.Sent && d.Status != DigestStatus.Failed);
        world.Smtp.DataReply = "451 4.3.0 Try again later";
        var relayAway = Stopwatch.StartNew();
        Note($"fault 4: relay answers 451 ({backlogAtRelayOutage} digests unsent, {People - await CountAsync(_ => true)} not recorded yet)");
        // Two workers run through the database outage: the replacements are up before it starts.
        await WaitUntilAsync(() => Task.FromResult(workers.Count(w => !w.HasExited && Serving(w)) == 2), TimeSpan.FromSeconds(60), "two workers serving");
        await Task.Delay(TimeSpan.FromSeconds(15) - relayAway.Elapsed is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        cluster.Stop();
        Note("fault 5: PostgreSQL stopped");
        await Task.Delay(DatabaseAway);
        cluster.Resume();
        NpgsqlConnection.ClearAllPools();
        Note("PostgreSQL back");
        await Task.Delay(RelayRefuses - relayAway.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        world.Smtp.DataReply = null;
        var lastFault = Stopwatch.StartNew();
        Note("relay accepts again: last fault over");

        await WaitUntilAsync(async () => await CountAsync(d => d.Status != DigestStatus.Sent) == 0
                && world.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count() >= People,
            TimeSpan.FromMinutes(5), "every digest sent and received");
        Note($"all delivered {lastFault.Elapsed.TotalSeconds:0}s after the last fault");
        // The gauges are read at most every 15 seconds per node: wait for both nodes' reading after the last send.
        var drained = elapsed.Elapsed;
        await WaitUntilAsync(() => Task.FromResult(Samples(backlog).Count(s => s.At > drained && s.Pending + s.Sending == 0) >= 2),
            TimeSpan.FromSeconds(40), "the metrics to show an empty backlog");
        await scraping.CancelAsync();
        await scraper;
        var scraped = Samples(backlog);

        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().Select(d => new { d.Recipient, d.Status, d.Attempts }).ToListAsync());
        var received = world.Smtp.Messages.GroupBy(m => m.Recipients.Single().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        var expected = records.GroupBy(r => r.Recipient).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = expected.Sum(r => received.GetValueOrDefault(r.Key) - r.Value);
        Note($"{records.Count} digests, {world.Smtp.MessageCount} messages, {duplicates} duplicates, attempts {string.Join(", ", records.GroupBy(r => r.Attempts).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}, "
            + $"backlog peak {scraped.Max(s => s.Pending + s.Sending)} in {scraped.Count} scrapes");

        Assert.Equal(People, expected.Count);
        Assert.All(records, r => Assert.Equal(DigestStatus.Sent, r.Status));
        Assert.All(expected, r => Assert.True(received.GetValueOrDefault(r.Key) >= r.Value, $"{r.Key} got {received.GetValueOrDefault(r.Key)} of {r.Value}"));
        Assert.Empty(received.Keys.Except(expected.Keys));
        Assert.InRange(duplicates, 0, Faults);
        // The relay's minute was felt: digests waited for a retry.
        Assert.Contains(records, r => r.Attempts > 1);
        Assert.Contains(scraped, s => s.Pending + s.Sending > 0);
        await BothWebNodesAnswerAlikeAsync();
    }

    /// <summary>Ready, and the administrator signed in on one node sees the same engagements on the other.</summary>
    private async Task BothWebNodesAnswerAlikeAsync()
    {
        foreach (var web in webs)
        {
            var ready = await web.Client.GetAsync("/health/ready");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{web.Client.BaseAddress} ready: {ready.StatusCode} {await ready.Content.ReadAsStringAsync()}\n{web.App.Output}");
        }
        var token = await OnboardingFactory.AntiforgeryTokenAsync(webs[0].Client, "/sign-in");
        var signIn = await webs[0].Client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Admin,
            ["Password"] = AdminPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in: {signIn.StatusCode}\n{webs[0].App.Output}");
        foreach (var web in webs)
        {
            var page = await web.Client.GetAsync("/engagements");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{web.Client.BaseAddress} /engagements: {page.StatusCode}\n{web.App.Output}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.All(Enumerable.Range(1, Engagements), e => Assert.Contains($"Fault client {e}", html));
        }
    }

    /// <summary>Reads the outbox backlog from <c>/metrics</c> of each web node in turn, once a second, until cancelled.</summary>
    private async Task ScrapeBacklogAsync(List<(TimeSpan At, int Pending, int Sending)> samples, CancellationToken cancellationToken)
    {
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            try
            {
                var text = await webs[i % webs.Count].Client.GetStringAsync("/metrics", cancellationToken);
                var values = BacklogSample().Matches(text).ToDictionary(m => m.Groups["status"].Value, m => int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));
                if (values.TryGetValue("Pending", out var pending) && values.TryGetValue("Sending", out var sending))
                {
                    lock (samples)
                    {
                        samples.Add((elapsed.Elapsed, pending, sending));
                    }
                }
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (HttpRequestException)
            {
                // A node busy or without its database: the next scrape tells.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [GeneratedRegex("""^onboarding_outbox_digests\{[^}]*status="(?<status>\w+)"[^}]*\} (?<count>\d+)""", RegexOptions.Multiline)]
    private static partial Regex BacklogSample();

    /// <summary>The live worker running a job of this type now, if any; its job servers are named after its process id.</summary>
    private ServingApp? Running(string jobType)
    {
        var monitoring = world.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var servers = monitoring.ProcessingJobs(0, 100).Where(j => j.Value.Job?.Type.Name == jobType).Select(j => j.Value.ServerId).ToList();
        return workers.FirstOrDefault(w => !w.HasExited && servers.Any(s => s.Contains($":{w.Id}:", StringComparison.Ordinal)));
    }

    /// <summary>The outbox and the job storage, for a failure's message.</summary>
    private async Task<string> StateAsync()
    {
        var outbox = await world.WithDbAsync(db => db.Digests.AsNoTracking().GroupBy(d => new { d.Status, d.Attempts, Claimed = d.ClaimedAt != null })
            .Select(g => new { g.Key.Status, g.Key.Attempts, g.Key.Claimed, Count = g.Count(), Error = g.Max(d => d.LastError) }).ToListAsync());
        var monitoring = world.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        return $"Outbox: {string.Join("; ", outbox.Select(o => $"{o.Status} after {o.Attempts} attempts{(o.Claimed ? "" : " never claimed")}: {o.Count} ({o.Error})"))}\n"
            + $"Jobs: enqueued {string.Join(", ", monitoring.Queues().Select(q => $"{q.Name} {q.Length}"))}, processing {statistics.Processing}, "
            + $"scheduled {statistics.Scheduled}, failed {statistics.Failed}, servers {string.Join(", ", monitoring.Servers().Select(v => v.Name))}";
    }

    /// <summary>Whether both of the worker's job servers (digests and default queues) have announced themselves.</summary>
    private bool Serving(ServingApp worker) =>
        world.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count(s => s.Name.Contains($":{worker.Id}:", StringComparison.Ordinal)) == 2;

    private bool RecurringJobExists()
    {
        using var connection = world.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Any(j => j.Id == DigestDispatchJob.RecurringId);
    }

    private Task<int> CountAsync(System.Linq.Expressions.Expression<Func<DigestRecord, bool>> where) =>
        world.WithDbAsync(db => db.Digests.CountAsync(where));

    /// <summary>Polls until <paramref name="probe"/> gives a value; a probe that fails (the database is away) is asked again.</summary>
    private async Task<T?> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what, bool fails = true) where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await probe() is { } found)
                {
                    return found;
                }
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The database restarting under the test's own connections.
            }
            if (waited.Elapsed > timeout)
            {
                if (!fails)
                {
                    return null;
                }
                Assert.Fail($"Waited {timeout} for {what}.\n{await StateAsync()}\nWorkers:\n{string.Join("\n---\n", workers.Select(w => $"{w.Id}: {w.Output}"))}");
            }
            await Task.Delay(100);
        }
    }

    private Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        WaitForAsync(async () => await condition() ? "yes" : null, timeout, what);

    private static List<(TimeSpan At, int Pending, int Sending)> Samples(List<(TimeSpan At, int Pending, int Sending)> samples)
    {
        lock (samples)
        {
            return [.. samples];
        }
    }

    private Dictionary<string, string> Settings()
    {
        var environment = AppProcess.Postgres(connectionString);
        environment["Database__MigrateOnStart"] = "false";
        // Plain http, so that the cookies are not Secure and the test's client, on http, keeps them.
        environment["Site__BaseUrl"] = "http://onboarding.example";
        environment["Smtp__Host"] = world.Smtp.Host;
        environment["Smtp__Port"] = world.Smtp.Port.ToString(CultureInfo.InvariantCulture);
        environment["Smtp__Tls"] = "None";
        environment["Jobs__WorkerCount"] = "1";
        environment["Jobs__DigestWorkerCount"] = "2";
        environment["Jobs__DigestDispatchInterval"] = "00:00:10";
        environment["Jobs__InvisibilityTimeout"] = "00:00:15";
        environment["Digests__BatchSize"] = "20";
        // Longer than the digests queue's wait here, so that a batch is not given a second job while its first waits.
        environment["Digests__UnclaimedAfter"] = "00:00:40";
        environment["Digests__RetryDelays__0"] = "00:00:20";
        return environment;
    }

    private void StartWorker() => workers.Add(AppProcess.Serve(Settings(), "worker"));

    private WebNode StartWeb(CookieContainer cookies)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var environment = Settings();
        environment["Jobs__RunServer"] = "false";
        environment["Metrics__Enabled"] = "true";
        environment["Seed__AdminEmail"] = Admin;
        environment["Seed__AdminPassword"] = AdminPassword;
        // One cookie jar for both nodes, as one browser behind a load balancer has.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(url) };
        return new WebNode(AppProcess.Serve(environment, "--urls", url), client);
    }

    private void Note(string what) => log.WriteLine($"{elapsed.Elapsed.TotalSeconds,6:0.0}s  {what}");

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed record WebNode(ServingApp App, HttpClient Client);
}

/// <summary>
/// Runs alone, after the parallel collections: its four app processes and its own PostgreSQL take both cores for two
/// minutes, enough to make browser flows running beside it time out, and its timings assume a machine it does not share.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
}
