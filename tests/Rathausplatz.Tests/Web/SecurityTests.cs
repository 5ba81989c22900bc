using System.Net;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Web;

/// <summary>The browser-facing defences: strict headers, antiforgery, a language switch that stays on the site.</summary>
public abstract class SecurityTests(RathausplatzApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/organization")]
    [InlineData("/does-not-exist")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path)
    {
        var organization = await app.CreateOrganizationAsync();

        using var response = await app.CreateClient(organization).GetAsync(path);

        var policy = string.Join("; ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task ThePagesNeedNoInlineScriptOrStyle()
    {
        var organization = await app.CreateOrganizationAsync();

        var page = await app.CreateClient(organization).GetPageAsync("/");

        Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]").Select(e => e.OuterHtml[..Math.Min(80, e.OuterHtml.Length)]));
        Assert.Empty(page.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal))).Select(e => e.LocalName));
    }

    [Fact]
    public async Task AFormPostWithoutAntiforgeryTokenIsRefusedWith400()
    {
        var organization = await app.CreateOrganizationAsync();

        using var response = await app.CreateClient(organization).PostAsync("/", new FormUrlEncodedContent([new("name", "value")]));
        var page = await HtmlPages.ParseAsync(response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ungültige Anfrage", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task TheLanguageSwitchRemembersTheChoiceAndGoesBack()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = app.CreateClient(organization);
        var page = await client.GetPageAsync("/?from=test");

        using var switched = await page.FormWithButton("English").SubmitAsync(client);
        var english = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/?from=test", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task TheLanguageSwitchRefusesToSendPeopleElsewhere(string returnUrl)
    {
        var organization = await app.CreateOrganizationAsync();

        using var response = await app.CreateClient(organization).PostAsync("/culture",
            new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", returnUrl)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

public sealed class SqliteSecurityTests(SqliteApp app) : SecurityTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSecurityTests(PostgresApp app) : SecurityTests(app), IClassFixture<PostgresApp>;
