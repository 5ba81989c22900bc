using Microsoft.EntityFrameworkCore;
using Rathausplatz.Data;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Data;

/// <summary>The session settings the app gives its PostgreSQL connections (<see cref="DataSetup.PostgresConnectionString"/>).</summary>
public sealed class PostgresSettingsTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task TheAppsConnectionsRunWithoutJitCompilation()
    {
        await using var scope = app.WithoutOrganization();

        var jit = await scope.Db.Database.SqlQuery<string>($"SELECT current_setting('jit') AS \"Value\"").SingleAsync();

        Assert.Equal("off", jit);
    }

    [Theory]
    [InlineData("Host=db;Username=app", "-c jit=off")]
    [InlineData("Host=db;Username=app;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off")]
    [InlineData("Host=db;Username=app;Options=-c jit=on", "-c jit=on")]
    public void AJitSettingOfTheOperatorsOwnIsKept(string configured, string options)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(DataSetup.PostgresConnectionString(configured));

        Assert.Equal(options, connection.Options);
        Assert.Equal("db", connection.Host);
    }
}
