using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Onboarding.Core.Data;

/// <summary>
/// One lock, database-wide, around everything that builds the database: migrations, the job storage's tables and
/// the first accounts. Any number of processes (a <c>migrate</c> run, web nodes, workers) may then start together on
/// an empty database: the first builds, the others wait and find it built. Without it, two migrations raced to the
/// same index (42P07), two first starts each seeded a provider organisation, and Hangfire's installer collided (23505).
/// </summary>
/// <remarks>
/// On PostgreSQL a session-level advisory lock held on a connection of its own: the work runs on the app's usual
/// connections and transactions, which the lock neither joins nor outlives. The connection is unpooled, because the
/// app's connections skip the session reset (see <see cref="DataServiceExtensions"/>) and a pooled session would
/// keep the lock after it was handed back. SQLite needs none: its embedded setup is one process.
/// </remarks>
public static class SetupLock
{
    // Any number, the same in every process of the app: "onboard" in ASCII.
    private const long Key = 0x6f6e626f617264;

    /// <summary>
    /// Runs <paramref name="work"/> holding the lock; it gets the lock's own connection on PostgreSQL (for work that
    /// needs a plain connection, such as the job storage's installer), null on SQLite.
    /// </summary>
    public static async Task<T> RunAsync<T>(OnboardingDbContext db, Func<NpgsqlConnection?, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return await work(null);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken);
        // When the work throws, closing the unpooled session releases the lock, whatever state the connection is in.
        var result = await work(connection);
        await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None);
        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = Key } } };
        // A start waits as long as the first node's migrations take.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
