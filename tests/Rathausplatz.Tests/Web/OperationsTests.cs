using System.Net;
using System.Text.Json;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Web;

/// <summary>What load balancers, monitoring and API clients rely on.</summary>
public abstract class OperationsTests(RathausplatzApp app)
{
    // Load balancers probe by IP address, which no organisation is set up for.
    private const string ProbeHost = "192.0.2.10";

    [Fact]
    public async Task LivenessAnswersWithoutAKnownHost()
    {
        using var response = await app.CreateClient(ProbeHost).GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadinessAnswersWhenTheDatabaseIsReachable()
    {
        using var response = await app.CreateClient(ProbeHost).GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        var organization = await app.CreateOrganizationAsync();

        using var response = await app.CreateClient(organization).GetAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/organization", out _), "The document lacks /api/v1/organization.");
        Assert.True(paths.TryGetProperty("/api/v1/me", out _), "The document lacks /api/v1/me.");
    }
}

public sealed class SqliteOperationsTests(SqliteApp app) : OperationsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresOperationsTests(PostgresApp app) : OperationsTests(app), IClassFixture<PostgresApp>;
