using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Organizations.Admin;

/// <summary>
/// /admin/settings and /admin/logo: an organisation admin (with two factors, as the role requires)
/// changes what every page of their municipality shows, within the palette and the size limits.
/// </summary>
public abstract class SettingsTests(RathausplatzApp app)
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task SavedContactDataAppearsInTheFooterOfEveryPage()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/settings");

        using var saved = await page.FormWithButton("Einstellungen speichern")
            .Set("Input.ContactEmail", "rathaus@musterstadt.example")
            .Set("Input.ContactPhone", "+49 30 123456")
            .Set("Input.ContactAddress", "Marktplatz 1, 12345 Musterstadt")
            .Set("Input.AccentColor", "#1b5e20")
            .SubmitAsync(client);
        var home = await app.CreateClient(organization).GetPageAsync("/");

        Assert.Equal("/admin/settings", saved.RedirectTarget());
        var footer = home.QuerySelector("footer.site-footer")!.TextContent;
        Assert.Contains("rathaus@musterstadt.example", footer);
        Assert.Contains("+49 30 123456", footer);
        Assert.Contains("Marktplatz 1, 12345 Musterstadt", footer);
        Assert.Equal("accent-1b5e20", home.Body!.ClassName);
    }

    [Fact]
    public async Task LegalTextsAreShownAsSafeHtml()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/settings");

        using var saved = await page.FormWithButton("Einstellungen speichern")
            .Set("Input.Imprint", "## Verantwortlich\n\nDie **Bürgermeisterin** <script>alert(1)</script> [Kontakt](javascript:alert(2))")
            .SubmitAsync(client);
        var imprint = await app.CreateClient(organization).GetPageAsync("/impressum");

        Assert.Equal("/admin/settings", saved.RedirectTarget());
        var article = imprint.QuerySelector("article")!;
        Assert.Equal("Verantwortlich", article.QuerySelector("h2")?.TextContent);
        Assert.Equal("Bürgermeisterin", article.QuerySelector("strong")?.TextContent);
        Assert.Null(article.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", article.InnerHtml);
    }

    [Fact]
    public async Task AnAccentColourOutsideThePaletteIsRefused()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/settings");

        using var response = await page.FormWithButton("Einstellungen speichern").Tamper("Input.AccentColor", "#ff00ff").SubmitAsync(client);
        var home = await app.CreateClient(organization).GetPageAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Bitte wählen Sie eine der angebotenen Farben."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal("accent-0b5394", home.Body!.ClassName);
    }

    [Fact]
    public async Task AnEmptyNameIsRefused()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/settings");

        using var response = await page.FormWithButton("Einstellungen speichern").Set("Input.Name", "").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Bitte geben Sie einen Namen an."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Contains(organization.Name, (await app.CreateClient(organization).GetPageAsync("/")).Title);
    }

    [Fact]
    public async Task APngLogoIsStoredAndServedAsPng()
    {
        var organization = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/settings");

        using var uploaded = await page.FormWithButton("Logo hochladen").Attach("Logo", "wappen.png", "image/png", Png).SubmitAsync(client);
        using var logo = await app.CreateClient(organization).GetAsync("/organization/logo");
        using var othersLogo = await app.CreateClient(other).GetAsync("/organization/logo");
        var home = await app.CreateClient(organization).GetPageAsync("/");

        Assert.Equal("/admin/settings", uploaded.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, othersLogo.StatusCode);
        Assert.NotNull(home.QuerySelector("header img[src='/organization/logo']"));
    }

    [Theory]
    [InlineData("wappen.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("wappen.png", "image/png", "Das ist nur Text, kein Bild.")]
    [InlineData("wappen.gif", "image/gif", "GIF89a")]
    public async Task AFileThatIsNoPngJpegOrWebpIsRefused(string fileName, string contentType, string content)
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/settings");

        using var response = await page.FormWithButton("Logo hochladen")
            .Attach("Logo", fileName, contentType, System.Text.Encoding.UTF8.GetBytes(content))
            .SubmitAsync(client);
        using var logo = await app.CreateClient(organization).GetAsync("/organization/logo");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Die Datei ist kein PNG-, JPEG- oder WebP-Bild."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.NotFound, logo.StatusCode);
    }

    [Fact]
    public async Task ALogoOverTheLimitIsRefusedWithAMessage()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/settings");

        using var response = await page.FormWithButton("Logo hochladen").Attach("Logo", "gross.png", "image/png", PngOfSize(600 * 1024)).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Die Datei ist größer als 512 KB. Bitte verkleinern Sie das Bild."], (await response.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task ABodyOverOneMebibyteIsRefusedWith413()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/settings");

        using var response = await page.FormWithButton("Logo hochladen").Attach("Logo", "riesig.png", "image/png", PngOfSize(1024 * 1024 + 1)).SubmitAsync(client);
        using var logo = await app.CreateClient(organization).GetAsync("/organization/logo");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Zu groß", (await response.ReadPageAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, logo.StatusCode);
    }

    [Fact]
    public async Task NoFileIsRefused()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await SignInAsAdminAsync(organization);
        var page = await client.GetPageAsync("/admin/logo");

        using var response = await page.FormWithButton("Logo hochladen").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Bitte wählen Sie eine Bilddatei aus."], (await response.ReadPageAsync()).ErrorMessages());
    }

    private async Task<HttpClient> SignInAsAdminAsync(TestOrganization organization) =>
        await app.SignInAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));

    private static byte[] PngOfSize(int size)
    {
        var bytes = new byte[size];
        Png.CopyTo(bytes, 0);
        return bytes;
    }
}

public sealed class SqliteSettingsTests(SqliteApp app) : SettingsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSettingsTests(PostgresApp app) : SettingsTests(app), IClassFixture<PostgresApp>;
