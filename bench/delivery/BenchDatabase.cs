using Npgsql;
using Rathausplatz.Data;

namespace Rathausplatz.Bench.Delivery;

/// <summary>
/// An empty database for one run, dropped afterwards: a temporary folder for SQLite, a fresh database on
/// the server in RATHAUSPLATZ_BENCH_POSTGRES for PostgreSQL (bench/delivery/run starts a throwaway one).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string name = $"rp_bench_{Guid.CreateVersion7():N}";
    private NpgsqlConnectionStringBuilder? server;

    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = new Dictionary<string, string?>();

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new BenchDatabase();
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), database.name);
            Directory.CreateDirectory(folder);
            database.Settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataFolder"] = folder };
            return database;
        }
        var connection = Environment.GetEnvironmentVariable("RATHAUSPLATZ_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("RATHAUSPLATZ_BENCH_POSTGRES is not set (bench/delivery/run sets it).");
        database.server = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false };
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.name}\"");
        database.Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.server.ConnectionString) { Database = database.name, Pooling = true }.ConnectionString,
        };
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is null)
        {
            // BENCH_KEEP=1 leaves the SQLite file for EXPLAIN QUERY PLAN and the like.
            if (Settings.TryGetValue("Database:DataFolder", out var folder) && folder is not null && Environment.GetEnvironmentVariable("BENCH_KEEP") != "1")
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
