using System.Net;
using System.Net.Sockets;
using Npgsql;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>Several real processes building one empty PostgreSQL database at the same moment, as a deploy starts them.</summary>
public sealed class ConcurrentStartTests
{
    private const int Nodes = 3;
    private const string Admin = "admin@together.example";
    private const string AdminPassword = "Three nodes wake as one 5521";

    [Fact]
    public async Task Migrate_runs_started_together_on_an_empty_database_all_end_0_and_build_one_schema()
    {
        var database = await PostgresServer.CreateDatabaseAsync("migrate_together");

        var runs = await Task.WhenAll(Enumerable.Range(0, Nodes).Select(_ => AppProcess.RunAsync(database, "migrate")));

        Assert.All(runs, r => Assert.True(r.Exit == 0, $"migrate ended {r.Exit}:\n{r.Output}\n{r.Error}"));
        Assert.All(runs, r => Assert.Equal("", r.Error));
        // One run applied them all; the others waited for it and found nothing left to do.
        Assert.Single(runs, r => r.Output.StartsWith("migrate: applied ", StringComparison.Ordinal));
        Assert.Equal(Nodes - 1, runs.Count(r => r.Output.Trim() == "migrate: the database is up to date."));
        Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM hangfire.schema"));
        Assert.Equal(0L, await CountAsync(database, "SELECT count(*) FROM organisations"));
        // The sign-in cookies' key, made once, so that nodes started after it all read the same one.
        Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM data_protection_keys"));
    }

    [Fact]
    public async Task Web_nodes_started_together_on_an_empty_database_all_serve_and_seed_one_provider()
    {
        var database = await PostgresServer.CreateDatabaseAsync("start_together");
        var environment = AppProcess.Postgres(database);
        // Each node runs the jobs too, so the job storage is used by all of them from their first second.
        environment["Jobs__RunServer"] = "true";
        environment["Site__BaseUrl"] = "http://onboarding.example";
        environment["Seed__AdminEmail"] = Admin;
        environment["Seed__AdminPassword"] = AdminPassword;

        var urls = Enumerable.Range(0, Nodes).Select(_ => $"http://127.0.0.1:{FreePort()}").ToList();
        var nodes = urls.Select(url => AppProcess.Serve(environment, "--urls", url)).ToList();
        try
        {
            // Setup runs under one lock, so the nodes get through it one after another; beside the browser tests in
            // CI a node had printed nothing after 50 s, and a single first start is given 2 minutes elsewhere too.
            await Task.WhenAll(nodes.Select(n => n.WaitForLineAsync(l => l.TrimStart().StartsWith("Using the accounts", StringComparison.Ordinal)
                || l.TrimStart().StartsWith("Sign-ins created now", StringComparison.Ordinal), TimeSpan.FromMinutes(3))));

            Assert.Single(nodes, n => n.Output.Contains("Sign-ins created now", StringComparison.Ordinal));
            // No node logged an error: neither a failed seed nor EF's read of a history table not made yet.
            Assert.All(nodes, n => Assert.DoesNotContain("fail:", n.Output, StringComparison.Ordinal));
            Assert.All(nodes, n => Assert.DoesNotContain("crit:", n.Output, StringComparison.Ordinal));
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM organisations"));
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM hangfire.schema"));
            // One key for all, made under the setup lock: nodes that each made their own rejected each other's cookies.
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM data_protection_keys"));
            await SignedInOnOneIsSignedInOnAllAsync(urls);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>One browser behind a load balancer: signed in on the first node, each node shows it the engagements.</summary>
    private static async Task SignedInOnOneIsSignedInOnAllAsync(IReadOnlyList<string> urls)
    {
        // Cookies belong to a host, whatever its port: every node gets the first node's.
        var cookies = new CookieContainer();
        var clients = urls.Select(url => new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(url) }).ToList();
        try
        {
            var token = await OnboardingFactory.AntiforgeryTokenAsync(clients[0], "/sign-in");
            var signIn = await clients[0].PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = Admin,
                ["Password"] = AdminPassword,
                ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            foreach (var client in clients)
            {
                var page = await client.GetAsync("/engagements");
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{client.BaseAddress} /engagements: {page.StatusCode}");
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
