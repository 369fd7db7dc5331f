using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Onboarding.Core.Data;

/// <summary>
/// The SQLite file of the embedded default. SQLite's default mode creates a missing file on open, so a deleted or
/// moved file used to become a new, empty database that took the following writes and lost them. The app opens
/// the file with <c>Mode=ReadWrite</c> instead, and only start-up and <c>migrate</c> create it (<see cref="CreateIfMissing"/>).
/// </summary>
public static class SqliteFile
{
    /// <summary>The connection string the app runs on: opening a missing file is an error, not a new database.</summary>
    public static string OpenExistingOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }
        return builder.ToString();
    }

    /// <summary>The file a connection string names, or null for an in-memory database.</summary>
    public static string? PathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>
    /// Creates the database file of <paramref name="db"/> when it is SQLite and missing, as EF Core's own creator
    /// would (an empty file in WAL mode), so that migrating can fill it. Only start-up and <c>migrate</c> call this.
    /// </summary>
    public static void CreateIfMissing(OnboardingDbContext db)
    {
        if (!db.Database.IsSqlite() || db.Database.GetConnectionString() is not { } connectionString || PathOf(connectionString) is not { } path || File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var create = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(create.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = 'wal';";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Microsoft.Data.Sqlite pools open connections, and a connection opened before the file was deleted goes on
    /// reading and writing the deleted file: every save "succeeds" and is lost. So each time EF Core opens a
    /// connection it checks that the file is still there, and drops the pool's connections to a vanished one.
    /// </summary>
    public sealed class Guard(string path) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Check(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Check(connection);
            return Task.CompletedTask;
        }

        private void Check(DbConnection connection)
        {
            if (File.Exists(path))
            {
                return;
            }

            connection.Close();
            SqliteConnection.ClearPool((SqliteConnection)connection);
            const int SqliteCantOpen = 14;
            throw new SqliteException($"The database file '{path}' no longer exists; nothing was saved. Restore it, or run `migrate` to create a new one.", SqliteCantOpen);
        }
    }
}
