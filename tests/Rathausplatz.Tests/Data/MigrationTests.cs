using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Data;

/// <summary>
/// The app under test started on an empty database, so its start-up already ran every migration
/// from scratch (and EF refuses to start when the model has moved on). These tests say so explicitly.
/// </summary>
public abstract class MigrationTests(RathausplatzApp app)
{
    [Fact]
    public async Task StartUpAppliesEveryMigrationOfTheProvider()
    {
        await using var scope = app.WithoutOrganization();
        var database = scope.Db.Database;

        var applied = await database.GetAppliedMigrationsAsync();

        Assert.NotEmpty(database.GetMigrations());
        Assert.Equal(database.GetMigrations(), applied);
        Assert.Empty(await database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task TheMigrationsDescribeTheCurrentModel()
    {
        await using var scope = app.WithoutOrganization();

        var lagging = scope.Db.Database.HasPendingModelChanges();

        Assert.False(lagging, $"The {app.Provider} migrations lag the model: add a migration for each provider.");
    }

    [Fact]
    public async Task EachProviderKeepsItsOwnMigrations()
    {
        await using var scope = app.WithoutOrganization();

        var migrations = scope.Db.GetService<IMigrationsAssembly>().Migrations;

        Assert.All(migrations.Values, m => Assert.EndsWith("." + app.Provider, m.Namespace));
    }
}

public sealed class SqliteMigrationTests(SqliteApp app) : MigrationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMigrationTests(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
