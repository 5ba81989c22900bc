using Microsoft.Data.Sqlite;
using Npgsql;
using Rathausplatz.Data;

namespace Rathausplatz.Tests.Support;

/// <summary>An empty database that belongs to one app under test and is gone after it.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RATHAUSPLATZ_TEST_POSTGRES";

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The app's <c>Database</c> settings that point at this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract Task CreateAsync();

    public abstract ValueTask DisposeAsync();

    public static TestDatabase For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(),
        DatabaseProvider.Postgres => new PostgresTestDatabase(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    internal static string UniqueName() => $"rp_test_{Guid.CreateVersion7():N}";
}

/// <summary>A fresh folder per app: the app builds its own connection string there, as in production.</summary>
internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), UniqueName());

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataFolder"] = folder,
    };

    public override Task CreateAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; only then can the folder go.
        SqliteConnection.ClearPool(new SqliteConnection(DataSetup.SqliteConnectionString(folder)));
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh database per app on the server that scripts/test starts.</summary>
internal sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string name = UniqueName();
    private readonly NpgsqlConnectionStringBuilder server;

    public PostgresTestDatabase()
    {
        var baseConnection = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(baseConnection))
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: {PostgresVariable} is not set. Run scripts/test, which starts a " +
                "throwaway PostgreSQL and sets it (or set it yourself, e.g. Host=127.0.0.1;Port=5432;Username=postgres).");
        server = new NpgsqlConnectionStringBuilder(baseConnection) { Database = "postgres", Pooling = false };
    }

    private string ConnectionString => new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true }.ConnectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = ConnectionString,
    };

    public override Task CreateAsync() => ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
