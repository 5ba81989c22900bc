using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features;

/// <summary>The service worker keeps the home page, the latest articles and the alerts readable without a connection.</summary>
public sealed class OfflineTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    // Resolves once the worker controls the page and has stored everything /offline.json names.
    private const string StoredEverything = """
        async () => {
          const registration = await navigator.serviceWorker.ready;
          if (!registration.active || !navigator.serviceWorker.controller) return false;
          const list = await (await fetch('/offline.json')).json();
          const cache = await caches.open('rathausplatz-pages-v1');
          for (const url of list.pages) if (!(await cache.match(url))) return false;
          return true;
        }
        """;

    [Fact]
    public async Task TheHomePageTheLatestArticlesAndAlertsCanBeReadOffline()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        await page.GotoAsync("/");
        // The first load installs the worker; a reload puts the page under its control.
        await page.WaitForFunctionAsync("async () => !!(await navigator.serviceWorker.ready).active");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync(StoredEverything, null, new() { Timeout = 20_000, PollingInterval = 200 });
        var article = await page.EvaluateAsync<string>("fetch('/offline.json').then(r => r.json()).then(l => l.pages.find(p => p.startsWith('/aktuelles/') && !p.includes('sturmwarnung')))");
        var manifest = await page.EvaluateAsync<string>("fetch('/manifest.webmanifest').then(r => r.text())");
        Assert.Contains("\"display\":\"standalone\"", manifest);

        await session.Context.SetOfflineAsync(true);

        await page.ReloadAsync();
        await Assertions.Expect(page.Heading("Willkommen in Musterstadt")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".alert-banner")).ToContainTextAsync("Sturmwarnung");

        await page.GotoAsync(article);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        Assert.NotEqual("Keine Verbindung", await page.Locator("h1").InnerTextAsync());

        await page.GotoAsync("/aktuelles/sturmwarnung");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sturmwarnung");

        await page.GotoAsync("/nie-besucht");
        await Assertions.Expect(page.Heading("Keine Verbindung")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zur Startseite" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "offline");
        output.WriteLine($"Screenshots: {PageChecks.ScreenshotFolder}/offline-{{360,1280}}.png");
    }

    [Fact]
    public async Task TheBackOfficeIsNeverStored()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("async () => !!(await navigator.serviceWorker.ready).active");
        await page.ReloadAsync();
        await page.GotoAsync("/accounts/signin");
        await page.GotoAsync("/");

        var stored = await page.EvaluateAsync<string[]>("caches.open('rathausplatz-pages-v1').then(c => c.keys()).then(k => k.map(r => new URL(r.url).pathname))");

        Assert.Contains("/", stored);
        Assert.DoesNotContain(stored, path => path.StartsWith("/accounts", StringComparison.Ordinal) || path.StartsWith("/newsroom", StringComparison.Ordinal));
    }
}
