using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or set ONBOARDING_TEST_POSTGRES.");
        RemoveAbandoned(bin);
        var root = Path.Combine(Path.GetTempPath(), $"{ClusterPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var port = FreePort();
        // PostgreSQL refuses to run as root: run it as the postgres user then.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres {root}");
        }
        RunAs(asRoot, Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --no-sync");
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {Path.Combine(root, "log")} -w -o \"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAs(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate stop", check: false);
            Directory.Delete(root, recursive: true);
        };
        Console.WriteLine($"PostgreSQL test cluster on 127.0.0.1:{port}");
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private const string ClusterPrefix = "onboarding-pg-";

    /// <summary>
    /// Stops and deletes the clusters of test runs that were killed before they could clean up (their
    /// folder names their process, which is gone); left alone, each keeps a server running and its files.
    /// </summary>
    private static void RemoveAbandoned(string bin)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), ClusterPrefix + "*"))
        {
            var owner = Path.GetFileName(root)[ClusterPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, out var pid) || IsRunning(pid))
            {
                continue;
            }
            var data = Path.Combine(root, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                RunAs(Environment.UserName == "root", Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate stop", check: false);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string file, string arguments, bool check = true) =>
        Run(asRoot ? "runuser" : file, asRoot ? $"-u postgres -- {file} {arguments}" : arguments, check);

    private static void Run(string file, string arguments, bool check = true)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}
