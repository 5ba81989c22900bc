namespace Rathausplatz.BrowserTests.Infrastructure;

/// <summary>
/// One Playwright driver and one Chromium for the whole test run. Starting them takes seconds, and
/// isolation does not need a process per class: each test gets its own browser context (own
/// cookies, storage and cache), which is what keeps tests apart. A Chromium that died is started anew.
/// </summary>
internal static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;
    private static bool stopOnExit;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is { IsConnected: true })
                return browser;
            if (browser is not null)
                await browser.DisposeAsync();
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = BrowserApp.ChromiumPath,
                Headless = true,
                // Without the networking flags Chromium keeps trying to reach hosts this machine cannot reach.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            if (!stopOnExit)
            {
                stopOnExit = true;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
            }
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    // xunit 2 has no assembly fixture; the test host's exit is the end of the last class.
    private static void Stop()
    {
        try
        {
            browser?.CloseAsync().Wait(TimeSpan.FromSeconds(10));
            playwright?.Dispose();
        }
        catch (Exception e) when (e is AggregateException or PlaywrightException or ObjectDisposedException)
        {
            // The driver ends with the test host either way.
        }
    }
}
