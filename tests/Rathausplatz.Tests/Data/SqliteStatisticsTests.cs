using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Data;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Data;

/// <summary>
/// SQLite plans with statistics the app keeps (<see cref="SqliteStatistics"/>): without them it took an organisation's
/// index, which holds every row of a town, over a selective one.
/// </summary>
public sealed class SqliteStatisticsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    // The shape of a member's stream: the tenant filter and the spaces they belong to, newest first.
    private const string StreamQuery = "EXPLAIN QUERY PLAN SELECT at FROM statistics_probe WHERE org = 'town' AND space IN ('s1', 's2', 's3') ORDER BY at DESC LIMIT 21;";

    [Fact]
    public async Task TheAppGathersStatisticsAfterItStarts()
    {
        await using var scope = app.WithoutOrganization();
        await scope.Db.Database.OpenConnectionAsync();
        var connection = scope.Db.Database.GetDbConnection();

        Assert.True(await StartRunDoneAsync(connection));
    }

    // 1,000 rows a space against 20,000 of the town: statistics from a sample (analysis_limit) put the town's index
    // at about 1,000 rows and kept the bad plan; only statistics from every row choose the space's index.
    [Fact]
    public async Task WithStatisticsTheSelectiveIndexIsTakenInsteadOfTheOrganisations()
    {
        await using var scope = app.WithoutOrganization();
        await scope.Db.Database.OpenConnectionAsync();
        var connection = scope.Db.Database.GetDbConnection();
        // The run after start is over, so only this test's call can analyse the probe.
        Assert.True(await StartRunDoneAsync(connection));
        await ScalarAsync(connection, """
            DROP TABLE IF EXISTS statistics_probe;
            CREATE TABLE statistics_probe (org TEXT NOT NULL, space TEXT NOT NULL, at TEXT NOT NULL);
            CREATE INDEX statistics_probe_org ON statistics_probe (org);
            CREATE INDEX statistics_probe_space ON statistics_probe (space, at DESC);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            INSERT INTO statistics_probe SELECT 'town', 's' || (i % 20), printf('2026-01-01 %05d', i) FROM n;
            """);
        try
        {
            var guessed = await PlanAsync(connection);

            await SqliteStatistics.OptimizeAsync(connection.ConnectionString);

            Assert.Contains("statistics_probe_org", guessed);
            var planned = await PlanAsync(connection);
            Assert.Contains("statistics_probe_space", planned);
            Assert.DoesNotContain("statistics_probe_org", planned);
        }
        finally
        {
            await ScalarAsync(connection, "DROP TABLE statistics_probe;");
        }
    }

    private static async Task<bool> StartRunDoneAsync(DbConnection connection)
    {
        const string Statistics = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1';";
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (await ScalarAsync(connection, Statistics) is 0L && TimeProvider.System.GetUtcNow() < deadline)
            await Task.Delay(100);
        return await ScalarAsync(connection, Statistics) is 1L;
    }

    private static async Task<string> PlanAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = StreamQuery;
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
            steps.Add(reader.GetString(3));
        return string.Join(" / ", steps);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
