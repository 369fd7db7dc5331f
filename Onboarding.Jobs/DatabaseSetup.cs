using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Onboarding.Core.Data;

namespace Onboarding.Jobs;

/// <summary>
/// Builds the database, under the <see cref="SetupLock"/>: what <c>migrate</c> runs, and a web start with
/// <c>Database:MigrateOnStart</c>. The job storage's tables are built here too, because Hangfire's own installer,
/// run by each node as its storage starts, raced the other nodes' (see <see cref="JobsServiceExtensions"/>).
/// </summary>
public static class DatabaseSetup
{
    /// <summary>Applies the pending migrations and installs or upgrades the job storage; returns the migrations applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(OnboardingDbContext db, CancellationToken cancellationToken = default)
    {
        // With start-up, the only place that may create the database; the lock lives in it.
        SqliteFile.CreateIfMissing(db);
        await CreatePostgresDatabaseIfMissingAsync(db, cancellationToken);
        return await SetupLock.RunAsync<IReadOnlyList<string>>(db, async connection =>
        {
            // EF reads the history without looking for its table first, and logs that read on an empty database as a
            // failed command ("fail:" in the first start's log); with the table made first, the read finds it empty.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            InstallJobStorage(connection);
            return pending;
        }, cancellationToken);
    }

    /// <summary>
    /// The job storage's tables alone, for a worker, which never migrates: it can then start before anything else
    /// has run on a new database, as it could when Hangfire installed them itself.
    /// </summary>
    public static Task PrepareJobStorageAsync(OnboardingDbContext db, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, connection =>
        {
            InstallJobStorage(connection);
            return Task.FromResult(true);
        }, cancellationToken);

    private static async Task CreatePostgresDatabaseIfMissingAsync(OnboardingDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!db.Database.IsNpgsql() || await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node created it a moment ago.
        }
    }

    // Hangfire's installer checks the schema version it finds and applies only newer scripts. SQLite's in-memory job
    // storage has no tables.
    private static void InstallJobStorage(NpgsqlConnection? connection)
    {
        if (connection is not null)
        {
            PostgreSqlObjectsInstaller.Install(connection);
        }
    }
}
