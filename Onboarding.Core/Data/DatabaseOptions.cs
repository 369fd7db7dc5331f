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
}
