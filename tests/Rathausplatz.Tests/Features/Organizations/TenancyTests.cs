using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Organizations;

/// <summary>Each municipality sees only its own data, whichever way it asks: database, pages, API, cookies.</summary>
public abstract class TenancyTests(RathausplatzApp app)
{
    [Fact]
    public async Task NoTenantOwnedEntityLeaksToAnotherOrganization()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        foreach (var organization in new[] { a, b })
        {
            await using var scope = app.InOrganization(organization);
            await TenantRows.AddOneOfEachAsync(scope.Db, app.Now);
        }

        await using var asA = app.InOrganization(a);
        await using var asNobody = app.WithoutOrganization();
        var types = TenantRows.TenantOwnedTypes(asA.Db);
        var leaks = new List<string>();
        foreach (var type in types)
        {
            var stored = await OrganizationsOfRowsAsync(type.ClrType, asA.Db, ignoreFilters: true);
            var seenByA = await OrganizationsOfRowsAsync(type.ClrType, asA.Db, ignoreFilters: false);
            var seenByNobody = await OrganizationsOfRowsAsync(type.ClrType, asNobody.Db, ignoreFilters: false);

            if (!stored.Contains(b.Id))
                leaks.Add($"{type.ClrType.Name}: no row of B was stored, so the check proves nothing");
            if (seenByA.Any(id => id != a.Id))
                leaks.Add($"{type.ClrType.Name}: A sees rows of other organisations");
            if (seenByA.Count(id => id == a.Id) != stored.Count(id => id == a.Id))
                leaks.Add($"{type.ClrType.Name}: A does not see all of its own rows");
            if (seenByNobody.Count > 0)
                leaks.Add($"{type.ClrType.Name}: a scope without organisation sees rows");
        }

        Assert.Empty(leaks);
        Assert.Superset(new[] { typeof(User), typeof(District), typeof(Topic) }.ToHashSet(), types.Select(t => t.ClrType).ToHashSet());
    }

    [Fact]
    public async Task IdentityFindsAccountsOnlyInTheOwnOrganization()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var atB = await app.CreateUserAsync(b);

        await using var asA = app.InOrganization(a);
        var users = asA.Get<UserManager<User>>();

        Assert.Null(await users.FindByEmailAsync(atB.Email));
        Assert.Null(await users.FindByIdAsync(atB.Id.ToString()));
        Assert.Null(await users.FindByNameAsync(atB.Email));
    }

    [Fact]
    public async Task TheHomePageListsOnlyTheDistrictsAndTopicsOfItsHost()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        await app.AddDistrictAsync(a, "Altstadt A");
        await app.AddTopicAsync(a, "Radverkehr A");
        await app.AddDistrictAsync(b, "Hafen B");
        await app.AddTopicAsync(b, "Kultur B");

        var page = await app.CreateClient(a).GetPageAsync("/");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Altstadt A", text);
        Assert.Contains("Radverkehr A", text);
        Assert.DoesNotContain("Hafen B", text);
        Assert.DoesNotContain("Kultur B", text);
        Assert.Contains(a.Name, page.Title);
    }

    [Fact]
    public async Task TheOrganizationApiAnswersForTheHostAsked()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();

        var atA = await app.CreateClient(a).GetFromJsonAsync<OrganizationApi.OrganizationInfo>("/api/v1/organization");
        var atB = await app.CreateClient(b).GetFromJsonAsync<OrganizationApi.OrganizationInfo>("/api/v1/organization");

        Assert.Equal((a.Name, a.Slug), (atA!.Name, atA.Slug));
        Assert.Equal((b.Name, b.Slug), (atB!.Name, atB.Slug));
    }

    [Fact]
    public async Task MeAnswersWithTheAccountSignedInAtThisHost()
    {
        var a = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(a, Roles.Citizen);
        var client = await app.SignInAsync(user);

        var me = await client.GetFromJsonAsync<AccountApi.Me>("/api/v1/me");

        Assert.Equal(user.Email, me!.Email);
        Assert.Equal([Roles.Citizen], me.Roles);
    }

    [Fact]
    public async Task ASignInCookieIssuedAtOneHostIsRejectedAtAnother()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(a);
        var atB = await app.CreateSignedInClientAsync(user, at: b);

        using var response = await atB.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownHostGetsA404InGerman()
    {
        var client = app.CreateClient("nirgendwo.rathausplatz.test");

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("Unter dieser Adresse ist keine Kommune eingerichtet.", html);
    }

    [Fact]
    public async Task AnUnknownHostGetsA404InEnglishWhenTheBrowserAsksForIt()
    {
        var client = app.CreateClient("nirgendwo.rathausplatz.test", language: "en");

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("No municipality is set up at this address.", html);
    }

    [Theory]
    [InlineData("GET", "/api/v1/organization")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("POST", "/culture")]
    [InlineData("GET", "/error/500")]
    public async Task AnUnknownHostIsNeverAServerError(string method, string path)
    {
        var client = app.CreateClient("nirgendwo.rathausplatz.test");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<List<Guid>> OrganizationsOfRowsAsync(Type entity, AppDb db, bool ignoreFilters) =>
        (Task<List<Guid>>)typeof(TenancyTests)
            .GetMethod(nameof(OrganizationsOfRowsOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(entity)
            .Invoke(null, [db, ignoreFilters])!;

    private static Task<List<Guid>> OrganizationsOfRowsOfAsync<T>(AppDb db, bool ignoreFilters) where T : class, ITenantOwned =>
        (ignoreFilters ? db.Set<T>().IgnoreQueryFilters() : db.Set<T>()).Select(row => row.OrganizationId).ToListAsync();
}

public sealed class SqliteTenancyTests(SqliteApp app) : TenancyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTenancyTests(PostgresApp app) : TenancyTests(app), IClassFixture<PostgresApp>;
