using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Organizations;

/// <summary>
/// The administration and platform pages as the demo platform admin, who may see all of them
/// (signed in once for the class, with two-factor sign-in set up on the way).
/// </summary>
public sealed class AdminPagesTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string PlatformAdmin = "plattform@musterstadt.example";

    [Theory]
    [InlineData("/admin", "Verwaltung", "admin")]
    [InlineData("/admin/settings", "Einstellungen", "admin-settings")]
    [InlineData("/admin/logo", "Logo", "admin-logo")]
    [InlineData("/admin/members", "Mitglieder und Rollen", "admin-members")]
    [InlineData("/admin/members/invite", "Person einladen", "admin-members-invite")]
    [InlineData("/admin/structure", "Stadtteile und Themen", "admin-structure")]
    [InlineData("/admin/karte", "Karte und Adresssuche", "admin-map")]
    [InlineData("/platform", "Plattform", "platform")]
    [InlineData("/platform/organizations/new", "Kommune anlegen", "platform-organizations-new")]
    [InlineData("/platform/jobs", "Auftragswarteschlange", "platform-jobs")]
    public async Task AnAdministrationPageLoadsForThePlatformAdminAndPassesAxeAtBothWidths(string path, string heading, string name)
    {
        await using var session = await app.OpenSignedInAsync(PlatformAdmin, output);
        var page = session.Page;

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + path);
        await Assertions.Expect(page.Heading(heading)).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, name);
    }

    [Fact]
    public async Task TheRolesPageOfAnotherMemberIsReachedFromTheMemberListAndPassesAxe()
    {
        await using var session = await app.OpenSignedInAsync(PlatformAdmin, output);
        var page = session.Page;
        await page.GotoAsync("/admin/members");

        // The person's name is visually hidden text; Chromium puts a space before it in the link's name.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Rollen ändern\s*: Bea Bürger$") }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/members/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Heading("Bea Bürger")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Bürgerinnen und Bürger" })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Mitarbeit" })).Not.ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "admin-member-roles");
    }

    [Fact]
    public async Task TheOrganizationPageOfMusterstadtIsReachedFromThePlatformListAndPassesAxe()
    {
        await using var session = await app.OpenSignedInAsync(PlatformAdmin, output);
        var page = session.Page;
        await page.GotoAsync("/platform");

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Musterstadt", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/platform/organizations/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Heading("Musterstadt")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Hosts")).ToContainTextAsync("localhost");
        await PageChecks.CheckAsync(page, "platform-organization-musterstadt");
    }

    [Fact]
    public async Task TheMapSettingsExplainBadInputNextToTheFieldsAndSave()
    {
        await using var session = await app.OpenSignedInAsync(PlatformAdmin, output);
        var page = session.Page;
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Karte und Adresssuche" }).ClickAsync();

        await page.OptionalField("Adresse der Kartenkacheln").FillAsync("http://karte.example.org/{z}/{x}.png");
        await page.OptionalField("Adresse des Geocoders (Nominatim-Suche)").FillAsync("https://10.0.0.5/search");
        await page.Button("Einstellungen speichern").ClickAsync();

        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Die Adresse der Kartenkacheln muss mit https:// beginnen.");
        await Assertions.Expect(summary).ToContainTextAsync("Bitte geben Sie die Quellenangabe an, die der Kartendienst verlangt.");
        await Assertions.Expect(summary).ToContainTextAsync("Ein Geocoder im eigenen oder privaten Netz ist nicht erlaubt.");
        await PageChecks.CheckAsync(page, "admin-map-errors");

        await page.OptionalField("Adresse der Kartenkacheln").FillAsync("https://karte.musterstadt.example/{z}/{x}/{y}.png");
        await page.OptionalField("Quellenangabe der Karte").FillAsync("© Stadt Musterstadt");
        await page.OptionalField("Adresse des Geocoders (Nominatim-Suche)").FillAsync("");
        await page.Button("Einstellungen speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Einstellungen sind gespeichert.");
        await Assertions.Expect(page.OptionalField("Adresse der Kartenkacheln")).ToHaveValueAsync("https://karte.musterstadt.example/{z}/{x}/{y}.png");

        // Back to the defaults, so the other tests of this class see OpenStreetMap.
        await page.OptionalField("Adresse der Kartenkacheln").FillAsync("");
        await page.OptionalField("Quellenangabe der Karte").FillAsync("");
        await page.Button("Einstellungen speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Einstellungen sind gespeichert.");
    }
}
