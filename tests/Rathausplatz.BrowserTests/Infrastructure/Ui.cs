using System.Text.RegularExpressions;
using OtpNet;

namespace Rathausplatz.BrowserTests.Infrastructure;

/// <summary>The things a person does again and again, found by role and label as they would.</summary>
public static partial class Ui
{
    /// <summary>The navigation in the page header (found by place, not by its label, so it works in both languages).</summary>
    public static ILocator MainNavigation(this IPage page) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Navigation);

    /// <summary>"Mein Konto" in the navigation: shown only to someone signed in.</summary>
    public static ILocator MyAccountLink(this IPage page) =>
        page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Mein Konto" });

    /// <summary>
    /// The message shown after a form was saved: the first status region in the main area (the
    /// layout puts it before the page's content, which may have live regions of its own).
    /// </summary>
    public static ILocator StatusMessage(this IPage page) =>
        page.Locator("main").GetByRole(AriaRole.Status).First;

    public static ILocator Heading(this IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    public static ILocator Field(this IPage page, string label) =>
        page.GetByLabel(label, new() { Exact = true });

    /// <summary>A field the form marks "– optional" after its label.</summary>
    public static ILocator OptionalField(this IPage page, string label) =>
        page.GetByLabel($"{label} – optional", new() { Exact = true });

    public static ILocator Button(this IPage page, string name) =>
        page.Locator("main").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Signs in with e-mail and password from the sign-in page; two-factor and redirects are the caller's to check.</summary>
    public static async Task SignInWithPasswordAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/accounts/signin");
        await page.Field("E-Mail-Adresse").FillAsync(email);
        await page.Field("Passwort").FillAsync(password);
        await page.Button("Anmelden").ClickAsync();
    }

    /// <summary>Signs out with the button in the navigation and waits until the navigation offers to sign in.</summary>
    public static async Task SignOutAsync(this IPage page)
    {
        await page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Anmelden", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Signs in with the password; when the role demands two-factor sign-in and it is not set up yet
    /// (the app then sends the person to /accounts/twofactor), sets it up with a computed code.
    /// Returns the authenticator key in that case, otherwise null.
    /// </summary>
    public static async Task<string?> SignInSettingUpTwoFactorAsync(this IPage page, string email, string password)
    {
        await page.SignInWithPasswordAsync(email, password);
        await Assertions.Expect(page.MyAccountLink()).ToBeVisibleAsync();
        if (!new Uri(page.Url).AbsolutePath.StartsWith("/accounts/twofactor", StringComparison.Ordinal))
            return null;
        var key = await page.AuthenticatorKeyAsync();
        await page.Field("Bestätigungscode").FillAsync(TotpCode(key));
        await page.Button("Zwei-Faktor-Anmeldung aktivieren").ClickAsync();
        await Assertions.Expect(page.Heading("Wiederherstellungscodes")).ToBeVisibleAsync();
        return key;
    }

    /// <summary>The current code of an authenticator app holding <paramref name="key"/> (base32, spaces allowed).</summary>
    public static string TotpCode(string key)
    {
        var secret = Base32Encoding.ToBytes(Whitespace().Replace(key, "").ToUpperInvariant());
        return new Totp(secret).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
    }

    /// <summary>Reads the set-up key shown on the two-factor page, without the group separators.</summary>
    public static async Task<string> AuthenticatorKeyAsync(this IPage page) =>
        Whitespace().Replace(await page.Locator("#authenticator-key").InnerTextAsync(), "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
