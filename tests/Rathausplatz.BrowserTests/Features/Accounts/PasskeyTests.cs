using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Accounts;

/// <summary>
/// Passkeys against Chromium's virtual authenticator (DevTools WebAuthn domain): a platform
/// authenticator with resident keys and user verification that answers without a prompt.
/// </summary>
public sealed class PasskeyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACitizenAddsAPasskeySignsInWithItAndRemovesIt()
    {
        await using var session = await app.OpenSignedInAsync("buerger@musterstadt.example", output);
        var page = session.Page;
        await AddVirtualAuthenticatorAsync(session);

        // Add a passkey.
        await page.GotoAsync("/accounts/passkeys");
        await Assertions.Expect(page.GetByText("Sie haben noch keinen Passkey.")).ToBeVisibleAsync();
        await AddPasskeyAsync(page, "Laptop im Büro");
        await PageChecks.CheckAsync(page, "passkeys-one-listed");

        // Sign out and back in with the passkey alone.
        await page.SignOutAsync();
        await page.GotoAsync("/accounts/signin");
        await page.Button("Mit Passkey anmelden").ClickAsync();
        await Assertions.Expect(page.MyAccountLink()).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");

        // Remove it.
        await page.GotoAsync("/accounts/passkeys");
        await page.Locator("#passkeys li").Filter(new() { HasText = "Laptop im Büro" }).GetByRole(AriaRole.Button, new() { Name = "Entfernen" }).ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Der Passkey wurde entfernt.");
        await Assertions.Expect(page.Locator("#passkeys")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Sie haben noch keinen Passkey.")).ToBeVisibleAsync();

        // The authenticator still holds the key, but the app no longer accepts it.
        await page.SignOutAsync();
        await page.GotoAsync("/accounts/signin");
        await page.Button("Mit Passkey anmelden").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Die Anmeldung mit dem Passkey hat nicht geklappt.");
        await Assertions.Expect(page.MyAccountLink()).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "passkeys-signin-refused");
    }

    [Fact]
    public async Task WithoutJavaScriptThePasskeyFormsStayHiddenAndAPasskeyCanStillBeRemoved()
    {
        // A passkey made with script on, so the page without script has one to list and remove.
        string cookies;
        await using (var withScript = await app.OpenSignedInAsync("gast@musterstadt.example", output))
        {
            await AddVirtualAuthenticatorAsync(withScript);
            await withScript.Page.GotoAsync("/accounts/passkeys");
            await AddPasskeyAsync(withScript.Page, "Telefon");
            cookies = await withScript.Context.StorageStateAsync();
        }

        await using var session = await app.OpenAsync(output, javaScript: false, storageState: cookies);
        var page = session.Page;
        var response = await page.GotoAsync("/accounts/passkeys");

        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page.Heading("Passkeys")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form[data-passkey]")).ToBeHiddenAsync();
        // Playwright switches script off by a DevTools setting that leaves Chromium's HTML parser
        // treating <noscript> as raw text, so the note is checked in the markup, not on screen.
        Assert.Contains("Um einen Passkey hinzuzufügen, braucht Ihr Browser JavaScript.", await page.Locator("main noscript").TextContentAsync());
        await Assertions.Expect(page.Locator("#passkeys")).ToContainTextAsync("Telefon");
        await PageChecks.ScreenshotAsync(page, "passkeys-without-javascript");

        await page.Locator("#passkeys li").Filter(new() { HasText = "Telefon" }).GetByRole(AriaRole.Button, new() { Name = "Entfernen" }).ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Der Passkey wurde entfernt.");
        await Assertions.Expect(page.GetByText("Sie haben noch keinen Passkey.")).ToBeVisibleAsync();

        // The sign-in page hides its passkey button and signs in with the password as before.
        await page.SignOutAsync();
        await page.GotoAsync("/accounts/signin");
        await Assertions.Expect(page.Locator("form[data-passkey]")).ToBeHiddenAsync();
        await PageChecks.ScreenshotAsync(page, "accounts-signin-without-javascript");
        await page.SignInWithPasswordAsync("gast@musterstadt.example", BrowserApp.DemoPassword);
        await Assertions.Expect(page.MyAccountLink()).ToBeVisibleAsync();
    }

    /// <summary>Chromium's virtual authenticator for this page: it answers create() and get() at once, as if the user had touched it.</summary>
    private static async Task AddVirtualAuthenticatorAsync(BrowserSession session)
    {
        var cdp = await session.Context.NewCDPSessionAsync(session.Page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
            },
        });
    }

    /// <summary>Adds a passkey on /accounts/passkeys (the page must be open) and checks it is listed.</summary>
    private static async Task AddPasskeyAsync(IPage page, string name)
    {
        // The label goes on with "– optional", hence no exact match.
        await page.GetByLabel("Name des Passkeys").FillAsync(name);
        await page.Button("Passkey hinzufügen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Der Passkey wurde gespeichert.");
        await Assertions.Expect(page.Locator("#passkeys li").Filter(new() { HasText = name })).ToBeVisibleAsync();
    }
}
