using System.Net;
using System.Text.Json;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Newsroom;

/// <summary>The installable web app: the organisation's manifest, the service worker, the list it stores, the offline page.</summary>
public abstract class OfflineTests(RathausplatzApp app)
{
    [Fact]
    public async Task EachOrganizationHasItsOwnManifest()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();

        var response = await app.CreateClient(a).GetAsync("/manifest.webmanifest");
        var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var english = JsonDocument.Parse(await app.CreateClient(b, "en").GetStringAsync("/manifest.webmanifest")).RootElement;
        var home = await app.CreateClient(a).GetPageAsync("/");

        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(a.Name, manifest.GetProperty("name").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
        Assert.Equal("de", manifest.GetProperty("lang").GetString());
        Assert.Matches("^#[0-9a-fA-F]{6}$", manifest.GetProperty("theme_color").GetString()!);
        Assert.Equal(home.QuerySelector("meta[name=theme-color]")?.GetAttribute("content"), manifest.GetProperty("theme_color").GetString());
        Assert.Equal("/manifest.webmanifest", home.QuerySelector("link[rel=manifest]")?.GetAttribute("href"));
        Assert.Equal(b.Name, english.GetProperty("name").GetString());
        Assert.Equal("en", english.GetProperty("lang").GetString());
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            var png = await app.CreateClient(a).GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            var size = int.Parse(icon.GetProperty("sizes").GetString()!.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
            var bytes = await png.Content.ReadAsByteArrayAsync();
            Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4))); // IHDR width
        }
    }

    [Fact]
    public async Task TheServiceWorkerIsServedFromTheRootForTheWholeSite()
    {
        var org = await app.CreateOrganizationAsync();

        var response = await app.CreateClient(org).GetAsync("/sw.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/", response.Headers.GetValues("Service-Worker-Allowed").Single());
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString());
        var home = await app.CreateClient(org).GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("script[src^='/js/pwa.js']"));
    }

    [Fact]
    public async Task TheOfflineListNamesTheLatestPublishedArticlesOfTheOrganization()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(a);
        var (_, published) = await app.PublishedPostAsync(editor);
        var (_, alert) = await app.PublishedPostAsync(editor, PostType.Alert);
        var (_, draft) = await app.DraftPostAsync(editor);
        var (_, elsewhere) = await app.PublishedPostAsync(await app.CreateEditorAsync(b));

        var list = JsonDocument.Parse(await app.CreateClient(a).GetStringAsync("/offline.json")).RootElement;
        var pages = list.GetProperty("pages").EnumerateArray().Select(p => p.GetString()).ToList();
        var assets = list.GetProperty("assets").EnumerateArray().Select(p => p.GetString()!).ToList();

        Assert.Contains("/", pages);
        Assert.Contains("/aktuelles", pages);
        Assert.Contains("/offline", pages);
        Assert.Contains($"/aktuelles/{published}", pages);
        Assert.Contains($"/aktuelles/{alert}", pages);
        Assert.DoesNotContain($"/aktuelles/{draft}", pages);
        Assert.DoesNotContain($"/aktuelles/{elsewhere}", pages);
        Assert.Contains(assets, a => a.StartsWith("/css/site.css?v=", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".woff2", StringComparison.Ordinal));
        foreach (var asset in assets)
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(a).GetAsync(asset)).StatusCode);
    }

    [Fact]
    public async Task TheOfflinePageSpeaksTheVisitorsLanguage()
    {
        var org = await app.CreateOrganizationAsync();

        var german = await app.CreateClient(org).GetPageAsync("/offline");
        var english = await app.CreateClient(org, "en").GetPageAsync("/offline");

        Assert.Equal("Keine Verbindung", german.QuerySelector("h1")?.TextContent);
        Assert.Equal("No connection", english.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task WhatASignedInUserGetsIsNeverStored()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var client = await app.CreateSignedInClientAsync(editor);

        var home = await client.GetAsync("/");
        var list = await client.GetAsync("/offline.json");
        var anonymous = await app.CreateClient(org).GetAsync("/");

        // The home page says so already for its sign-out form's antiforgery token; the rest through PersonalAnswersUncached.
        Assert.Contains("no-store", home.Headers.CacheControl?.ToString());
        Assert.Equal("no-store, private", list.Headers.CacheControl?.ToString());
        Assert.Null(anonymous.Headers.CacheControl);
    }
}

public sealed class SqliteOfflineTests(SqliteApp app) : OfflineTests(app), IClassFixture<SqliteApp>;
public sealed class PostgresOfflineTests(PostgresApp app) : OfflineTests(app), IClassFixture<PostgresApp>;
