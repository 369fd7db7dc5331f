using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>The real executable's first start and its verbs, on databases that are not ready.</summary>
public sealed partial class FirstStartTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("onboarding-first-start-").FullName;

    [Fact]
    public async Task A_first_start_on_a_taken_port_seeds_nothing_and_the_next_start_shows_the_sign_ins_that_work()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using (var squatter = new TcpListener(IPAddress.Loopback, port))
        {
            squatter.Start();

            var (exit, output, error) = await AppProcess.RunAsync(AppProcess.Sqlite(folder), "--urls", url);

            Assert.NotEqual(0, exit);
            Assert.DoesNotContain("Sign-ins created now", output);
            Assert.Equal(0L, await CountAsync("SELECT count(*) FROM organisations"));
            Assert.Contains("address already in use", output + error, StringComparison.OrdinalIgnoreCase);
        }

        await using var app = AppProcess.Serve(AppProcess.Sqlite(folder), "--urls", url);
        var admin = await app.WaitForLineAsync(l => l.TrimStart().StartsWith("Administrator ", StringComparison.Ordinal), TimeSpan.FromMinutes(2));

        Assert.Contains("Sign-ins created now", app.Output);
        var (email, password) = admin.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var e, var p] ? (e, p) : throw new InvalidOperationException(admin);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
        var token = await OnboardingFactory.AntiforgeryTokenAsync(client, "/sign-in");
        var signedIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Dotnet_run_listens_where_ASPNETCORE_URLS_says()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var environment = AppProcess.Sqlite(folder);
        environment["ASPNETCORE_URLS"] = url;

        await using var app = AppProcess.DotnetRun(environment);
        await app.WaitForLineAsync(l => l.TrimStart().StartsWith("Administrator ", StringComparison.Ordinal), TimeSpan.FromMinutes(3));

        using var client = new HttpClient { BaseAddress = new Uri(url) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);
    }

    [Fact]
    public async Task A_verb_on_a_sqlite_database_never_migrated_says_run_migrate_first_and_creates_nothing()
    {
        var (exit, output, error) = await AppProcess.RunAsync(AppProcess.Sqlite(folder), "engagements", "list");

        AssertOneLineRunMigrateFirst(exit, output, error);
        Assert.False(File.Exists(Path.Combine(folder, "onboarding.db")), "a verb created the database");
    }

    [Fact]
    public async Task A_verb_on_an_empty_sqlite_file_says_run_migrate_first()
    {
        await File.WriteAllBytesAsync(Path.Combine(folder, "onboarding.db"), []);

        var (exit, output, error) = await AppProcess.RunAsync(AppProcess.Sqlite(folder), "digests", "run-due");

        AssertOneLineRunMigrateFirst(exit, output, error);
    }

    [Fact]
    public async Task A_verb_on_a_postgres_database_never_migrated_says_run_migrate_first()
    {
        var database = await PostgresServer.CreateDatabaseAsync("unmigrated");

        var (exit, output, error) = await AppProcess.RunAsync(database, "pack", "export", "--engagement", "1", "--out", Path.Combine(folder, "pack.pdf"));

        AssertOneLineRunMigrateFirst(exit, output, error);
    }

    [Fact]
    public async Task Migrate_creates_the_sqlite_database_the_verbs_then_use()
    {
        var (migrated, migrateOutput, migrateError) = await AppProcess.RunAsync(AppProcess.Sqlite(folder), "migrate");
        Assert.True(migrated == 0, migrateOutput + migrateError);

        var (exit, output, error) = await AppProcess.RunAsync(AppProcess.Sqlite(folder), "engagements", "list");

        Assert.True(exit == 0, output + error);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("migrate")]
    [InlineData("engagements", "list")]
    [InlineData]
    public async Task A_start_or_verb_with_postgres_down_says_so_in_one_line(params string[] args)
    {
        var nobodyListens = $"Host=127.0.0.1;Port={FreePort()};Database=onboarding;Username=onboarding;Password=x";

        var (exit, output, error) = await AppProcess.RunAsync(nobodyListens, args);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("the database cannot be reached", line);
        Assert.Contains("check that it is running and ConnectionStrings__Onboarding", line);
        Assert.DoesNotMatch(StackFrame(), output + error);
    }

    private static void AssertOneLineRunMigrateFirst(int exit, string output, string error)
    {
        Assert.Equal(1, exit);
        Assert.Equal("", output.Trim());
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("run `migrate` first", line);
        Assert.DoesNotMatch(StackFrame(), error);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "onboarding.db")};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
