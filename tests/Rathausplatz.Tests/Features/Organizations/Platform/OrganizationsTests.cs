using System.Net;
using AngleSharp.Dom;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Organizations.Platform;

/// <summary>
/// /platform: a platform admin creates municipalities (whose first admin is invited at the new
/// host) and manages their host names, of which each keeps at least one.
/// </summary>
public abstract class OrganizationsTests(RathausplatzApp app)
{
    [Fact]
    public async Task ANewMunicipalitysFirstAdminIsInvitedAtItsOwnHost()
    {
        var (home, client) = await SignInAsPlatformAdminAsync();
        var slug = Unique.Name("neudorf");
        var host = $"{slug}.rathausplatz.test";
        var email = Unique.Name("admin") + "@neudorf.example";
        var page = await client.GetPageAsync("/platform/organizations/new");

        using var created = await page.FormWithButton("Kommune anlegen")
            .Set("Input.Name", "Gemeinde Neudorf")
            .Set("Input.Slug", slug)
            .Set("Input.HostName", host.ToUpperInvariant() + ".")
            .Set("Input.AdminName", "Nora Neudorf")
            .Set("Input.AdminEmail", email)
            .SubmitAsync(client);
        await app.RunJobsUntilIdleAsync();
        var mail = Assert.Single(app.Mail.MessagesTo(email));
        var invitee = app.CreateClient(host);
        var choose = await invitee.GetPageAsync(mail.Link().PathAndQuery);
        using var chosen = await choose.Form("main form").Set("Input.Password", RathausplatzApp.Password).Set("Input.ConfirmPassword", RathausplatzApp.Password).SubmitAsync(invitee);
        using var atNewHost = await app.CreateClient(host).SubmitSignInAsync(email, RathausplatzApp.Password);
        using var atOldHost = await app.CreateClient(home).SubmitSignInAsync(email, RathausplatzApp.Password);
        var list = await client.GetPageAsync("/platform");

        Assert.Matches("^/platform/organizations/[0-9a-f-]{36}$", created.RedirectTarget());
        Assert.Equal("Einladung zu Gemeinde Neudorf – Gemeinde Neudorf", mail.Subject);
        Assert.Equal($"https://{host}/accounts/resetpassword", mail.Link().GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("/", atNewHost.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, atOldHost.StatusCode);
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Gemeinde Neudorf"));
        Assert.Contains(host, row.TextContent);
        Assert.Equal("1", row.QuerySelector("td.kern-table__cell--numeric")?.TextContent.Trim());
        var newOrganization = new TestOrganization(Guid.Parse(created.RedirectTarget()[^36..]), "Gemeinde Neudorf", slug, host);
        Assert.Equal([Roles.OrganizationAdmin], (await app.FindAccountAsync(newOrganization, email))!.Roles);
    }

    [Fact]
    public async Task AFirstAdminWithAnApostropheInTheAddressIsInvitedToo()
    {
        var (_, client) = await SignInAsPlatformAdminAsync();
        var slug = Unique.Name("neudorf");
        var email = $"o'neil@{slug}.example";
        var page = await client.GetPageAsync("/platform/organizations/new");

        using var created = await page.FormWithButton("Kommune anlegen")
            .Set("Input.Name", "Gemeinde " + slug)
            .Set("Input.Slug", slug)
            .Set("Input.HostName", $"{slug}.rathausplatz.test")
            .Set("Input.AdminName", "Siobhan O'Neil")
            .Set("Input.AdminEmail", email)
            .SubmitAsync(client);
        await app.RunJobsUntilIdleAsync();

        Assert.Matches("^/platform/organizations/", created.RedirectTarget());
        Assert.Single(app.Mail.MessagesTo(email));
    }

    [Theory]
    [InlineData("a bad slug", "Die Kurzbezeichnung darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten.")]
    [InlineData("a taken slug", "Diese Kurzbezeichnung ist schon vergeben.")]
    [InlineData("a taken host", "Dieser Hostname gehört schon zu einer Kommune.")]
    [InlineData("a host with a path", "Der Hostname ist ungültig.")]
    public async Task AMunicipalityWithABadSlugOrHostIsNotCreated(string problem, string message)
    {
        var (home, client) = await SignInAsPlatformAdminAsync();
        var slug = Unique.Name("neudorf");
        var email = Unique.Name("admin") + "@neudorf.example";
        var page = await client.GetPageAsync("/platform/organizations/new");

        using var response = await page.FormWithButton("Kommune anlegen")
            .Set("Input.Name", "Gemeinde " + slug)
            .Set("Input.Slug", problem switch { "a bad slug" => "Böse Kurzbezeichnung!", "a taken slug" => home.Slug, _ => slug })
            .Set("Input.HostName", problem switch { "a taken host" => home.Host, "a host with a path" => $"https://{slug}.example/pfad", _ => $"{slug}.example" })
            .Set("Input.AdminName", "Nora Neudorf")
            .Set("Input.AdminEmail", email)
            .SubmitAsync(client);
        await app.RunJobsUntilIdleAsync();
        var list = await client.GetPageAsync("/platform");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], (await response.ReadPageAsync()).ErrorMessages());
        Assert.DoesNotContain("Gemeinde " + slug, list.MainText());
        Assert.Empty(app.Mail.MessagesTo(email));
    }

    [Fact]
    public async Task AnAddedHostNameServesTheMunicipalityAndARemovedOneNoLonger()
    {
        var (_, client) = await SignInAsPlatformAdminAsync();
        var town = await app.CreateOrganizationAsync();
        var second = $"{Unique.Name("zweit")}.rathausplatz.test";
        var page = await client.GetPageAsync($"/platform/organizations/{town.Id}");

        using var added = await page.FormWithButton("Hostname hinzufügen").Set("HostName", " " + second.ToUpperInvariant() + ". ").SubmitAsync(client);
        var atSecond = await app.CreateClient(second).GetPageAsync("/");
        var withTwo = await client.GetPageAsync($"/platform/organizations/{town.Id}");
        using var removed = await RemoveButton(withTwo, second).SubmitAsync(client);
        using var afterRemoval = await app.CreateClient(second).GetAsync("/");
        using var firstStillServes = await app.CreateClient(town).GetAsync("/");

        Assert.Equal($"/platform/organizations/{town.Id}", added.RedirectTarget());
        Assert.Contains(town.Name, atSecond.Title);
        Assert.Equal(new[] { second, town.Host }.Order(), withTwo.QuerySelectorAll("#Hosts code").Select(c => c.TextContent).Order());
        Assert.Equal($"/platform/organizations/{town.Id}", removed.RedirectTarget());
        Assert.Equal(HttpStatusCode.NotFound, afterRemoval.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstStillServes.StatusCode);
    }

    [Fact]
    public async Task AnInternationalHostNameServesInBothSpellings()
    {
        var (_, client) = await SignInAsPlatformAdminAsync();
        var town = await app.CreateOrganizationAsync();
        var host = $"münchen-{Unique.Name("idn")}.example";
        var page = await client.GetPageAsync($"/platform/organizations/{town.Id}");

        using var added = await page.FormWithButton("Hostname hinzufügen").Set("HostName", host).SubmitAsync(client);
        using var asTyped = await app.CreateClient(host).GetAsync("/");
        using var asPunycode = await app.CreateClient(new System.Globalization.IdnMapping().GetAscii(host)).GetAsync("/");

        Assert.Equal($"/platform/organizations/{town.Id}", added.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, asTyped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asPunycode.StatusCode);
    }

    [Theory]
    [InlineData("taken", "Dieser Hostname gehört schon zu einer Kommune.")]
    [InlineData("https://neu.example/pfad", "Der Hostname ist ungültig. Bitte geben Sie ihn ohne https:// und ohne Pfad an, zum Beispiel „beteiligung.musterstadt.de“.")]
    [InlineData("zwei worte.example", "Der Hostname ist ungültig. Bitte geben Sie ihn ohne https:// und ohne Pfad an, zum Beispiel „beteiligung.musterstadt.de“.")]
    [InlineData("", "Der Hostname ist ungültig. Bitte geben Sie ihn ohne https:// und ohne Pfad an, zum Beispiel „beteiligung.musterstadt.de“.")]
    public async Task ATakenOrInvalidHostNameIsRefused(string hostName, string message)
    {
        var (home, client) = await SignInAsPlatformAdminAsync();
        var town = await app.CreateOrganizationAsync();
        var page = await client.GetPageAsync($"/platform/organizations/{town.Id}");

        using var response = await page.FormWithButton("Hostname hinzufügen").Set("HostName", hostName == "taken" ? home.Host : hostName).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal([town.Host], (await client.GetPageAsync($"/platform/organizations/{town.Id}")).QuerySelectorAll("#Hosts code").Select(c => c.TextContent));
    }

    [Fact]
    public async Task TheLastHostNameCannotBeRemoved()
    {
        var (_, client) = await SignInAsPlatformAdminAsync();
        var town = await app.CreateOrganizationAsync();
        var second = $"{Unique.Name("zweit")}.rathausplatz.test";
        var page = await client.GetPageAsync($"/platform/organizations/{town.Id}");
        using var added = await page.FormWithButton("Hostname hinzufügen").Set("HostName", second).SubmitAsync(client);
        var withTwo = await client.GetPageAsync($"/platform/organizations/{town.Id}");

        // Two buttons on a page opened while there were two hosts: the second press would remove the last.
        using var first = await RemoveButton(withTwo, second).SubmitAsync(client);
        var withOne = await client.GetPageAsync($"/platform/organizations/{town.Id}");
        using var last = await RemoveButton(withTwo, town.Host).SubmitAsync(client);

        Assert.Equal($"/platform/organizations/{town.Id}", first.RedirectTarget());
        Assert.Empty(withOne.QuerySelectorAll("#Hosts form"));
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Equal(["Der letzte Hostname einer Kommune kann nicht entfernt werden. Fügen Sie zuerst einen anderen hinzu."],
            (await last.ReadPageAsync()).ErrorMessages());
        using var stillServes = await app.CreateClient(town).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, stillServes.StatusCode);
    }

    [Fact]
    public async Task TheHostNameInUseCannotBeRemovedFromItself()
    {
        var (home, client) = await SignInAsPlatformAdminAsync();
        var second = $"{Unique.Name("zweit")}.rathausplatz.test";
        var page = await client.GetPageAsync($"/platform/organizations/{home.Id}");
        using var added = await page.FormWithButton("Hostname hinzufügen").Set("HostName", second).SubmitAsync(client);
        var withTwo = await client.GetPageAsync($"/platform/organizations/{home.Id}");

        using var response = await RemoveButton(withTwo, home.Host).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Über diesen Hostnamen sind Sie gerade angemeldet. Entfernen Sie ihn bitte von einer anderen Adresse aus."],
            (await response.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task APlatformAdminEditsAnotherMunicipalitysSettings()
    {
        var (_, client) = await SignInAsPlatformAdminAsync();
        var town = await app.CreateOrganizationAsync();
        var page = await client.GetPageAsync($"/platform/organizations/{town.Id}");

        using var saved = await page.FormWithButton("Einstellungen speichern").Set("Input.ContactPhone", "+49 40 987654").SubmitAsync(client);
        var townHome = await app.CreateClient(town).GetPageAsync("/");

        Assert.Equal($"/platform/organizations/{town.Id}", saved.RedirectTarget());
        Assert.Contains("+49 40 987654", townHome.QuerySelector("footer.site-footer")!.TextContent);
    }

    [Fact]
    public async Task AnUnknownMunicipalityIsNotFound()
    {
        var (_, client) = await SignInAsPlatformAdminAsync();

        using var response = await client.GetAsync($"/platform/organizations/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(TestOrganization Home, HttpClient Client)> SignInAsPlatformAdminAsync()
    {
        var home = await app.CreateOrganizationAsync();
        var operatorAccount = await app.CreateUserWithTwoFactorAsync(home, Roles.PlatformAdmin);
        return (home, await app.SignInAsync(operatorAccount));
    }

    private static HtmlForm RemoveButton(IDocument page, string host)
    {
        var item = page.QuerySelectorAll("#Hosts li").SingleOrDefault(li => li.QuerySelector("code")?.TextContent == host);
        Assert.True(item is not null, $"The page lists no host {host}.");
        return new HtmlForm((AngleSharp.Html.Dom.IHtmlFormElement)item.QuerySelector("form")!);
    }
}

public sealed class SqliteOrganizationsTests(SqliteApp app) : OrganizationsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresOrganizationsTests(PostgresApp app) : OrganizationsTests(app), IClassFixture<PostgresApp>;
