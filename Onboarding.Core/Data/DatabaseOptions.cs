namespace Onboarding.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts; turn off when a deploy step runs <c>migrate</c>.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Folder for the SQLite file (and the mail pickup folder) of the embedded default.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// PostgreSQL only: how often a query or save that met a transient failure (a restart, a dropped connection) is
    /// tried again before the request fails; 0 turns retrying off. The waits grow (about 0, 1, 3, 7 s), so the default
    /// rides out a short restart while a request still fails within about a quarter of a minute.
    /// </summary>
    public int Retries { get; set; } = 4;

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}
