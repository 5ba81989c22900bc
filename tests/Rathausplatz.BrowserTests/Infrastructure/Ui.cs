using System.Text.RegularExpressions;
using OtpNet;

namespace Rathausplatz.BrowserTests.Infrastructure;

/// <summary>The things a person does again and again, found by role and label as they would.</summary>
public static partial class Ui
{
    /// <summary>The navigation in the page header (found by place, not by its label, so it works in both languages).</summary>
    public static ILocator MainNavigation(this IPage page) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Navigation);

    public static ILocator Heading(this IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    public static ILocator Field(this IPage page, string label) =>
        page.GetByLabel(label, new() { Exact = true });

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
