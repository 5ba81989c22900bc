using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rathausplatz.Data;

/// <summary>
/// WAL lets readers work while one writer writes; busy_timeout makes a second writer wait instead of
/// failing; foreign keys are off by default in SQLite. No commit checkpoints the log by itself:
/// <see cref="SqliteCheckpoints"/> does that beside the work.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
