using Xunit.Sdk;

namespace Rathausplatz.BrowserTests.Infrastructure;

/// <summary>The accessibility check every page passes can fail: it finds what axe finds on a page built to be wrong.</summary>
public sealed class PageChecksTests : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserApp.ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    [Fact]
    public async Task AnImageWithoutTextAndAnUnlabelledFieldAreReportedWithWhereTheyAre()
    {
        var page = await browser!.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="de"><head><title>Falsch</title></head>
            <body><main><h1>Falsch</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="stumm"><input type="text" id="namenlos"></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<XunitException>(() => PageChecks.AssertAccessibleAsync(page, "falsch"));

        Assert.Contains("2 WCAG 2.1 AA violation(s) on 'falsch'", failure.Message);
        Assert.Contains("image-alt [critical]", failure.Message);
        Assert.Contains("#stumm", failure.Message);
        Assert.Contains("label [critical]", failure.Message);
        Assert.Contains("#namenlos", failure.Message);
    }

    [Fact]
    public async Task ASecondCheckOfTheSamePageUsesTheAxeAlreadyThere()
    {
        var page = await browser!.NewPageAsync();
        await page.SetContentAsync("""<!doctype html><html lang="de"><head><title>Gut</title></head><body><main><h1>Gut</h1></main></body></html>""");

        await PageChecks.AssertAccessibleAsync(page, "gut");
        await page.EvaluateAsync("() => { window.axe.marked = true; }");
        await PageChecks.AssertAccessibleAsync(page, "gut");

        Assert.True(await page.EvaluateAsync<bool>("() => window.axe.marked === true"));
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
