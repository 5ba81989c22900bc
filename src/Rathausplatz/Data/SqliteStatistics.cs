using Microsoft.Data.Sqlite;

namespace Rathausplatz.Data;

/// <summary>
/// Keeps SQLite's planner statistics current, as SQLite advises for long-running applications: <c>PRAGMA optimize</c>
/// once after start and every hour, on a connection of its own. Without statistics the planner assumes every index
/// narrows a lookup to a few rows, and it chose the organisation's index (every row of the only town) over the
/// space's: a member's stream read all 200,000 posts to show 20 (bench/intranet). <c>optimize</c> analyses only tables
/// never analysed or grown or shrunk tenfold since. Each is read whole: with <c>analysis_limit</c> sampling, the
/// organisation's index came out as 1,000 rows per town instead of all 200,000, and the bad plan stayed. A full
/// ANALYZE of that 700 MB database took under a second.
/// </summary>
public sealed class SqliteStatistics(string connectionString, ILogger<SqliteStatistics> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    // 0x10000: look at every table, not only those this connection has used (a fresh connection has used none).
    private const string Optimize = "PRAGMA busy_timeout=10000; PRAGMA optimize=0x10002;";

    /// <summary>Brings the statistics up to date now (also for tools that fill a database and then query it).</summary>
    public static async Task OptimizeAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Optimize;
        await command.ExecuteNonQueryAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The machine's clock, not the town's: housekeeping, like the checkpoints.
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await OptimizeAsync(connectionString, stoppingToken);
                }
                catch (SqliteException error)
                {
                    // Busy for longer than the timeout: the old statistics stay until the next hour.
                    log.LogWarning(error, "Updating the SQLite statistics failed; the next run tries again");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
