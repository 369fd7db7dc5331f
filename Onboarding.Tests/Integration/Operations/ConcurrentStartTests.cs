using System.Net;
using System.Net.Sockets;
using Npgsql;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>Several real processes building one empty PostgreSQL database at the same moment, as a deploy starts them.</summary>
public sealed class ConcurrentStartTests
{
    private const int Nodes = 3;

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
    }

    [Fact]
    public async Task Web_nodes_started_together_on_an_empty_database_all_serve_and_seed_one_provider()
    {
        var database = await PostgresServer.CreateDatabaseAsync("start_together");
        var environment = AppProcess.Postgres(database);
        // Each node runs the jobs too, so the job storage is used by all of them from their first second.
        environment["Jobs__RunServer"] = "true";
        environment["Site__BaseUrl"] = "http://onboarding.example";

        var nodes = Enumerable.Range(0, Nodes).Select(_ => AppProcess.Serve(environment, "--urls", $"http://127.0.0.1:{FreePort()}")).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => n.WaitForLineAsync(l => l.TrimStart().StartsWith("Using the accounts", StringComparison.Ordinal)
                || l.TrimStart().StartsWith("Sign-ins created now", StringComparison.Ordinal), TimeSpan.FromSeconds(50))));

            Assert.Single(nodes, n => n.Output.Contains("Sign-ins created now", StringComparison.Ordinal));
            // No node logged an error: neither a failed seed nor EF's read of a history table not made yet.
            Assert.All(nodes, n => Assert.DoesNotContain("fail:", n.Output, StringComparison.Ordinal));
            Assert.All(nodes, n => Assert.DoesNotContain("crit:", n.Output, StringComparison.Ordinal));
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM organisations"));
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM hangfire.schema"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
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
