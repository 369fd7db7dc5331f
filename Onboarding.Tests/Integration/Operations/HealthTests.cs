using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>
/// <c>/health</c> answers 503 whenever the database does not take writes, and a database that vanished is never
/// silently replaced by a new, empty one.
/// </summary>
public sealed class HealthTests : IDisposable
{
    private const string Leader = "alex.morgan@northstar.example";
    private readonly string folder = Directory.CreateTempSubdirectory("onboarding-health-").FullName;

    private string SqliteFile => Path.Combine(folder, "onboarding.db");

    [Fact]
    public async Task A_deleted_sqlite_file_makes_health_503_and_a_form_answers_an_error_not_saved()
    {
        await using var app = SqliteApp();
        await app.InitializeAsync();
        // A form outside the engagement pages: their access filter's compiled query is bound to the first provider's
        // model in a process, and the other tests' apps run PostgreSQL in this one.
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == Leader).Select(m => m.Id).SingleAsync());
        var leader = await app.SignedInClientAsync(Leader);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/digests/preferences");
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync("/health")).StatusCode);

        File.Delete(SqliteFile);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.AnonymousClient().GetAsync("/health")).StatusCode);
        var saved = await leader.PostAsync("/digests/preferences", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Items[0].MemberId"] = $"{memberId}",
            ["Items[0].Hour"] = "7",
            ["Items[0].Preference"] = "WeeklyOnly",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.InternalServerError, saved.StatusCode);
        Assert.Contains("Something went wrong", await saved.Content.ReadAsStringAsync());
        Assert.False(File.Exists(SqliteFile), "the app made a new, empty database in place of the deleted one");
    }

    [Fact]
    public async Task A_read_only_sqlite_file_makes_health_503()
    {
        await using (var first = SqliteApp())
        {
            await first.InitializeAsync();
            // Serves a form, so the data-protection key exists before the file becomes read-only.
            Assert.Equal(HttpStatusCode.OK, (await first.AnonymousClient().GetAsync("/sign-in")).StatusCode);
        }
        // As a restart would: no connection opened while the file was writable survives.
        SqliteConnection.ClearAllPools();
        MakeReadOnly(SqliteFile, readOnly: true);
        try
        {
            await using var app = SqliteApp();
            app.Settings["Database:MigrateOnStart"] = "false";
            await app.InitializeAsync();

            Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync("/sign-in")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.AnonymousClient().GetAsync("/health")).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            MakeReadOnly(SqliteFile, readOnly: false);
        }
    }

    [Fact]
    public async Task A_dropped_postgres_database_makes_health_503()
    {
        await using var app = new OnboardingFactory();
        await app.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync("/health")).StatusCode);

        await PostgresServer.AdminAsync($"DROP DATABASE \"{new NpgsqlConnectionStringBuilder(app.ConnectionString).Database}\" WITH (FORCE)");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.AnonymousClient().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_read_only_postgres_database_makes_health_503_though_it_answers_queries()
    {
        await using var app = new OnboardingFactory();
        await app.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync("/health")).StatusCode);

        // What a standby, or a database an operator locked, does: every new session reads and cannot write.
        await PostgresServer.AdminAsync($"ALTER DATABASE \"{new NpgsqlConnectionStringBuilder(app.ConnectionString).Database}\" SET default_transaction_read_only = on");
        NpgsqlConnection.ClearAllPools();

        Assert.True(await app.WithDbAsync(db => db.Engagements.AnyAsync()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.AnonymousClient().GetAsync("/health")).StatusCode);
    }

    private OnboardingFactory SqliteApp() => new()
    {
        Settings =
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = folder,
            ["ConnectionStrings:Onboarding"] = $"Data Source={SqliteFile}",
        },
    };

    /// <summary>
    /// Read-only for this process too: root ignores file modes, so as root the file is made immutable instead.
    /// </summary>
    private static void MakeReadOnly(string file, bool readOnly)
    {
        if (Environment.IsPrivilegedProcess)
        {
            using var chattr = Process.Start("chattr", [readOnly ? "+i" : "-i", file]);
            chattr.WaitForExit();
            Assert.Equal(0, chattr.ExitCode);
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, readOnly ? UnixFileMode.UserRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
