using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Organizations.Admin;

/// <summary>/admin/structure: districts (with a GeoJSON boundary) and topics, named once per organisation.</summary>
public abstract class StructureTests(RathausplatzApp app)
{
    private const string Square = """{"type":"Polygon","coordinates":[[[13.40,52.52],[13.41,52.52],[13.41,52.53],[13.40,52.53],[13.40,52.52]]]}""";

    [Fact]
    public async Task AnAdminAddsATopicAndADistrictThatTheHomePageLists()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/structure");

        using var topic = await page.FormWithButton("Thema hinzufügen").Set("Topic.Name", "Öffentlicher Nahverkehr").SubmitAsync(client);
        using var district = await page.FormWithButton("Stadtteil hinzufügen")
            .Set("District.Name", "Süd-Weststadt")
            .Set("District.Boundary", $$"""{"type":"Feature","properties":{},"geometry":{{Square}}}""")
            .SubmitAsync(client);
        var after = await client.GetPageAsync("/admin/structure");
        var home = await app.CreateClient(organization).GetPageAsync("/");

        Assert.Equal("/admin/structure", topic.RedirectTarget());
        Assert.Equal("/admin/structure", district.RedirectTarget());
        Assert.Contains("oeffentlicher-nahverkehr", after.MainText());
        Assert.Contains("sued-weststadt", after.MainText());
        Assert.Contains("Öffentlicher Nahverkehr", home.MainText());
        Assert.Contains("Süd-Weststadt", home.MainText());
    }

    [Theory]
    [InlineData("Radverkehr", "Diesen Namen gibt es schon.")]
    [InlineData(" RADVERKEHR ", "Diesen Namen gibt es schon.")] // the same slug
    [InlineData("!!!", "Der Name braucht mindestens einen Buchstaben oder eine Ziffer.")]
    [InlineData("", "Bitte geben Sie einen Namen an.")]
    public async Task ATakenOrEmptyTopicNameIsRefused(string name, string message)
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/structure");
        using var first = await page.FormWithButton("Thema hinzufügen").Set("Topic.Name", "Radverkehr").SubmitAsync(client);

        using var response = await page.FormWithButton("Thema hinzufügen").Set("Topic.Name", name).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], (await response.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task TheSameNameInAnotherOrganizationIsFine()
    {
        var organization = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        await app.AddTopicAsync(other, "Radverkehr");
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/structure");

        using var response = await page.FormWithButton("Thema hinzufügen").Set("Topic.Name", "Radverkehr").SubmitAsync(client);

        Assert.Equal("/admin/structure", response.RedirectTarget());
    }

    [Theory]
    [InlineData("kein JSON")]
    [InlineData("""{"type":"Point","coordinates":[13.4,52.5]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[13.40,52.52],[13.41,52.52],[13.41,52.53],[13.40,52.53]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[200,52.52],[13.41,52.52],[13.41,52.53],[200,52.52]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[1e400,52.52],[13.41,52.52],[13.41,52.53],[1e400,52.52]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[["13.40","52.52"],[13.41,52.52],[13.41,52.53],["13.40","52.52"]]]}""")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    public async Task ABoundaryThatIsNoClosedPolygonIsRefusedWith400(string boundary)
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/structure");

        using var response = await page.FormWithButton("Stadtteil hinzufügen")
            .Set("District.Name", "Altstadt")
            .Set("District.Boundary", boundary)
            .SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Bitte geben Sie die Grenze als GeoJSON-Polygon oder -MultiPolygon mit geschlossenen Ringen an."],
            (await response.ReadPageAsync()).ErrorMessages());
    }

    private async Task<HttpClient> SignInAsAdminAsync(TestOrganization organization) =>
        await app.SignInAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));
}

public sealed class SqliteStructureTests(SqliteApp app) : StructureTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStructureTests(PostgresApp app) : StructureTests(app), IClassFixture<PostgresApp>;
