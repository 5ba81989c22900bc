using Microsoft.Data.Sqlite;

namespace Rathausplatz.Data;

/// <summary>
/// Copies the SQLite write-ahead log into the database file, once a second, on a connection of its own.
/// SQLite would otherwise do it inside whichever COMMIT crosses 1,000 pages of log (its auto-checkpoint,
/// switched off in <see cref="SqlitePragmas"/>): that request, or the delivery whose COMMIT must be followed
/// at once by its last byte to the mail server (docs/delivery.md, "Exactly once"), would wait for the copy
/// and its fsyncs. A passive checkpoint never blocks readers or writers; what it cannot copy yet, the next
/// one does.
/// </summary>
internal sealed class SqliteCheckpoints(string connectionString, ILogger<SqliteCheckpoints> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The machine's clock, not the town's: this is housekeeping, and a test that stops the town's clock must not stop it.
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await CheckpointAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // One more on the way out, so a stopped node leaves a short log behind.
        await CheckpointAsync(CancellationToken.None);
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException error)
        {
            // Busy or locked now: the log only grows until the next tick, nothing is lost.
            log.LogWarning(error, "The SQLite checkpoint failed; the next one tries again");
        }
    }
}
