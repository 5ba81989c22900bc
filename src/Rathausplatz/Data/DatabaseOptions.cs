namespace Rathausplatz.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty on SQLite means a file <c>rathausplatz.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file and other local state.</summary>
    public string DataFolder { get; set; } = "data";

    public bool MigrateOnStartup { get; set; } = true;
}
