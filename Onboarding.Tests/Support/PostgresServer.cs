using System.Diagnostics;
using Npgsql;

namespace Onboarding.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by ONBOARDING_TEST_POSTGRES (a
/// connection string to a server whose user may create databases), or else a throwaway cluster
/// on a free port, started once per test run and removed at exit. Never skipped.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> AdminConnection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 60)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnection.Value);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnection.Value) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Runs one statement as the server's administrator, e.g. to drop or lock down a test's database under a running app.</summary>
    public static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnection.Value);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Start()
    {
        var given = Environment.GetEnvironmentVariable("ONBOARDING_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var bin = PostgresCluster.Bin();
        RemoveAbandoned(bin);
        var cluster = PostgresCluster.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        Console.WriteLine($"PostgreSQL test cluster on 127.0.0.1:{cluster.Port}");
        return cluster.AdminConnectionString;
    }

    /// <summary>
    /// Stops and deletes the clusters of test runs that were killed before they could clean up (their
    /// folder names their process, which is gone); left alone, each keeps a server running and its files.
    /// </summary>
    private static void RemoveAbandoned(string bin)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), PostgresCluster.FolderPrefix + "*"))
        {
            var owner = Path.GetFileName(root)[PostgresCluster.FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, out var pid) || IsRunning(pid))
            {
                continue;
            }
            var data = Path.Combine(root, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                PostgresCluster.RunAs(Environment.UserName == "root", Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate stop", check: false);
            }
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Another test run is removing it at the same moment.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
