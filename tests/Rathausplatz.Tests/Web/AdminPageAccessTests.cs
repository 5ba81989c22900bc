using System.Net;
using Microsoft.AspNetCore.Routing;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Web;

/// <summary>
/// Who may open the administration: every page under /admin and /platform (found in the app's
/// endpoints, so a new page is covered the day it is added) for nobody, a citizen, an
/// organisation admin and a platform admin.
/// </summary>
public abstract class AdminPageAccessTests(RathausplatzApp app)
{
    [Fact]
    public void TheMatrixCoversTheKnownAdministrationPages()
    {
        var pages = AdministrationPages().Select(p => p.Pattern).ToList();

        Assert.Superset(
            new[] { "/admin", "/admin/settings", "/admin/logo", "/admin/structure", "/admin/karte", "/admin/members", "/admin/members/invite",
                "/admin/members/{id:guid}", "/admin/open311", "/platform", "/platform/organizations/new", "/platform/organizations/{id:guid}", "/platform/jobs" }.ToHashSet(),
            pages.ToHashSet());
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        var (organization, member) = await OrganizationWithMemberAsync();
        var client = app.CreateClient(organization);

        foreach (var path in await PathsAsync(organization, member))
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal("/accounts/signin?ReturnUrl=" + Uri.EscapeDataString(path), response.RedirectTarget());
        }
    }

    [Fact]
    public async Task CitizensAreForbidden()
    {
        var (organization, member) = await OrganizationWithMemberAsync();
        var client = await app.SignInAsync(member);

        foreach (var path in await PathsAsync(organization, member))
            await AssertForbiddenAsync(client, path);
    }

    [Fact]
    public async Task OrganizationAdminsMayOpenTheAdminPagesButNotThePlatform()
    {
        var (organization, member) = await OrganizationWithMemberAsync();
        var client = await app.SignInAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));

        foreach (var path in await PathsAsync(organization, member))
        {
            if (path.StartsWith("/platform", StringComparison.Ordinal))
                await AssertForbiddenAsync(client, path);
            else
                await AssertOpensAsync(client, path);
        }
    }

    [Fact]
    public async Task PlatformAdminsMayOpenEverything()
    {
        var (organization, member) = await OrganizationWithMemberAsync();
        var client = await app.SignInAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.PlatformAdmin));

        foreach (var path in await PathsAsync(organization, member))
            await AssertOpensAsync(client, path);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Moderator)]
    public async Task OtherStaffRolesAreForbidden(string role)
    {
        var (organization, member) = await OrganizationWithMemberAsync();
        var client = await app.SignInAsync(await app.CreateUserWithTwoFactorAsync(organization, role));

        foreach (var path in await PathsAsync(organization, member))
            await AssertForbiddenAsync(client, path);
    }

    private static async Task AssertForbiddenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}");
        Assert.Equal("/error/403?ReturnUrl=" + Uri.EscapeDataString(path), response.RedirectTarget());
        using var errorPage = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, errorPage.StatusCode);
    }

    private static async Task AssertOpensAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
    }

    private async Task<(TestOrganization, TestUser)> OrganizationWithMemberAsync()
    {
        var organization = await app.CreateOrganizationAsync();
        return (organization, await app.CreateUserAsync(organization, Roles.Citizen));
    }

    /// <summary>Every administration page, with its route values filled in for <paramref name="organization"/>.</summary>
    private async Task<List<string>> PathsAsync(TestOrganization organization, TestUser member)
    {
        var (_, department) = await app.CreateDepartmentAsync(organization);
        var category = await app.AddReportCategoryAsync(organization);
        return AdministrationPages().Select(page => page.Pattern switch
        {
            "/admin/members/{id:guid}" => $"/admin/members/{member.Id}",
            "/platform/organizations/{id:guid}" => $"/platform/organizations/{organization.Id}",
            "/admin/abteilungen/{slug}" => $"/admin/abteilungen/{department}",
            "/admin/meldekategorien/{code}" => $"/admin/meldekategorien/{category}",
            var pattern when pattern.Contains('{') => throw new InvalidOperationException($"Teach {nameof(AdminPageAccessTests)} the route values of {pattern}."),
            var pattern => pattern,
        }).ToList();
    }

    private IEnumerable<(string Pattern, RouteEndpoint Endpoint)> AdministrationPages() => app.Endpoints.OfType<RouteEndpoint>()
        .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/'), e))
        .Where(e => e.Item1 == "/admin" || e.Item1.StartsWith("/admin/", StringComparison.Ordinal)
            || e.Item1 == "/platform" || e.Item1.StartsWith("/platform/", StringComparison.Ordinal))
        .DistinctBy(e => e.Item1);
}

public sealed class SqliteAdminPageAccessTests(SqliteApp app) : AdminPageAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdminPageAccessTests(PostgresApp app) : AdminPageAccessTests(app), IClassFixture<PostgresApp>;
