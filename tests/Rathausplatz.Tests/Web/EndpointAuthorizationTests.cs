using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Web;

/// <summary>
/// Nobody relies on the fallback policy by accident: every page and API endpoint says who may call
/// it, with [Authorize]/[AllowAnonymous] on the page model or RequireAuthorization/AllowAnonymous.
/// </summary>
public abstract class EndpointAuthorizationTests(RathausplatzApp app)
{
    [Fact]
    public void EveryEndpointDeclaresWhoMayCallIt()
    {
        var undeclared = app.Endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(Describe)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void TheEnumerationSeesPagesAndApis()
    {
        var routes = app.Endpoints.Select(Describe).ToList();

        Assert.Contains(routes, r => r.EndsWith("(/Home/Index)", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.EndsWith("(/Errors/Index)", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("/api/v1/me ", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("/health/ready ", StringComparison.Ordinal));
    }

    [Fact]
    public void TheOwnAccountNeedsASignedInUser()
    {
        var me = app.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/api/v1/me");

        Assert.NotNull(me.Metadata.GetMetadata<IAuthorizeData>());
        Assert.Null(me.Metadata.GetMetadata<IAllowAnonymous>());
    }

    private static string Describe(Endpoint endpoint) =>
        $"{(endpoint as RouteEndpoint)?.RoutePattern.RawText} ({endpoint.DisplayName})";
}

public sealed class SqliteEndpointAuthorizationTests(SqliteApp app) : EndpointAuthorizationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEndpointAuthorizationTests(PostgresApp app) : EndpointAuthorizationTests(app), IClassFixture<PostgresApp>;
