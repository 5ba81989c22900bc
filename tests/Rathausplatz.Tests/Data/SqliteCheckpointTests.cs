using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Data;

/// <summary>
/// SQLite's write-ahead log is copied into the database file by the app's own checkpointer, never inside
/// a commit (which would hold up the request, or the delivery waiting to send its last byte).
/// </summary>
public sealed class SqliteCheckpointTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task NoCommitCheckpointsTheLogByItself()
    {
        await using var scope = app.WithoutOrganization();
        await scope.Db.Database.OpenConnectionAsync();

        var pages = await ScalarAsync(scope.Db.Database.GetDbConnection(), "PRAGMA wal_autocheckpoint;");

        Assert.Equal(0L, pages);
    }

    [Fact]
    public async Task EveryOpenOfAPooledConnectionKeepsThePragmasSetOnceForItsNativeConnection()
    {
        for (var open = 0; open < 3; open++)
        {
            // A scope of its own each time: EF opens, the pool hands back the native connection of the last open.
            await using var scope = app.WithoutOrganization();
            await scope.Db.Database.OpenConnectionAsync();
            var connection = scope.Db.Database.GetDbConnection();

            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys;"));
            Assert.Equal(10_000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous;"));
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
            Assert.Equal(0L, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint;"));
            await scope.Db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task TheCheckpointerCopiesTheLogIntoTheDatabaseFileSoon()
    {
        await using var scope = app.WithoutOrganization();
        await scope.Db.Database.OpenConnectionAsync();
        var connection = scope.Db.Database.GetDbConnection();
        var file = new FileInfo(connection.DataSource);
        var before = file.Length;

        // 4 MB of new pages: in WAL mode only a checkpoint writes them into the database file.
        await ScalarAsync(connection, "CREATE TABLE checkpoint_probe (data BLOB); INSERT INTO checkpoint_probe VALUES (zeroblob(4194304));");
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (Length(file) < before + 4_000_000 && TimeProvider.System.GetUtcNow() < deadline)
            await Task.Delay(100);
        await ScalarAsync(connection, "DROP TABLE checkpoint_probe;");

        Assert.True(Length(file) >= before + 4_000_000, $"The database file stayed at {Length(file)} bytes (was {before}).");
    }

    private static long Length(FileInfo file)
    {
        file.Refresh();
        return file.Length;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
