using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Onboarding.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster on a free port of 127.0.0.1, which a test may stop and start again on the same port
/// and data (a database outage). <see cref="PostgresServer"/> runs one for the whole test run; a test that stops its
/// server makes its own, so the others never notice.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>Clusters' folders start with this and their test run's process id (see <see cref="PostgresServer"/>).</summary>
    public const string FolderPrefix = "onboarding-pg-";

    private readonly string bin;
    private readonly string root;
    private readonly bool asRoot = Environment.UserName == "root";

    private PostgresCluster(string bin)
    {
        this.bin = bin;
        root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Port = FreePort();
    }

    public int Port { get; }

    /// <summary>The administrator's connection to the <c>postgres</c> database.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string Data => Path.Combine(root, "data");

    /// <summary>Creates and starts a cluster with the newest installed PostgreSQL.</summary>
    public static PostgresCluster Start()
    {
        var cluster = new PostgresCluster(Bin());
        Directory.CreateDirectory(cluster.root);
        // PostgreSQL refuses to run as root: run it as the postgres user then.
        if (cluster.asRoot)
        {
            Run("chown", $"postgres {cluster.root}");
        }
        cluster.Pg("initdb", $"-D {cluster.Data} -U postgres -A trust -E UTF8 --no-sync");
        cluster.Resume();
        return cluster;
    }

    /// <summary>Starts the stopped server again, on the same port and data.</summary>
    public void Resume() =>
        Pg("pg_ctl", $"-D {Data} -l {Path.Combine(root, "log")} -w -o \"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");

    /// <summary>Stops the server at once, as a crash would: open connections break, new ones are refused.</summary>
    public void Stop() => Pg("pg_ctl", $"-D {Data} -m immediate -w stop");

    public void Dispose()
    {
        Pg("pg_ctl", $"-D {Data} -m immediate stop", check: false);
        Directory.Delete(root, recursive: true);
    }

    /// <summary>The bin folder of the newest installed PostgreSQL.</summary>
    public static string Bin() =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
        ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or set ONBOARDING_TEST_POSTGRES.");

    private void Pg(string program, string arguments, bool check = true) => RunAs(asRoot, Path.Combine(bin, program), arguments, check);

    public static void RunAs(bool asRoot, string file, string arguments, bool check = true) =>
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
