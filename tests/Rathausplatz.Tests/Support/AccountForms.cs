using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using MimeKit;
using OtpNet;

namespace Rathausplatz.Tests.Support;

/// <summary>The account pages as a person uses them: the real forms, the real mails, an authenticator app.</summary>
public static partial class AccountForms
{
    /// <summary>Fills in and sends the sign-in form; the answer is a redirect or the form with its messages.</summary>
    public static async Task<HttpResponseMessage> SubmitSignInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/accounts/signin");
        return await page.Form("main form:not([data-passkey])")
            .Set("Input.Email", email)
            .Set("Input.Password", password)
            .SubmitAsync(client);
    }

    /// <summary>The second step of a sign-in (the page the first step sent to): a code from the app, or a recovery code.</summary>
    public static async Task<HttpResponseMessage> SubmitSecondFactorAsync(this HttpClient client, string code, bool recovery = false)
    {
        var page = await client.GetPageAsync(recovery ? "/accounts/signin2fa?recovery=true" : "/accounts/signin2fa");
        return await page.FormWithButton("Bestätigen").Set("Input.Code", code).SubmitAsync(client);
    }

    /// <summary>Signs out with the button every page's header has; <paramref name="from"/> is the page it is pressed on.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client, string from = "/impressum")
    {
        var page = await client.GetPageAsync(from);
        return await page.Form("header form[action='/accounts/signout']").SubmitAsync(client);
    }

    /// <summary>What an authenticator app (here Otp.NET, RFC 6238) shows now for <paramref name="key"/> as the page displays it.</summary>
    public static string CurrentCode(string key) => Authenticator(key).ComputeTotp();

    /// <summary>Six digits that no authenticator shows for <paramref name="key"/> within the tolerated clock drift.</summary>
    public static string WrongCode(string key)
    {
        var authenticator = Authenticator(key);
        // Identity accepts two 30-second steps either way; stay clear of a few more.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var valid = Enumerable.Range(-4, 9).Select(step => authenticator.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 20).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private static Totp Authenticator(string key) =>
        new(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant()));

    /// <summary>The one link a mail of the app carries (confirmation, reset, invitation).</summary>
    public static Uri Link(this MimeMessage mail)
    {
        var links = LinkPattern().Matches(mail.TextBody ?? "").Select(m => m.Value).Distinct().ToList();
        Assert.True(links.Count == 1, $"The mail '{mail.Subject}' has {links.Count} links: {mail.TextBody}");
        return new Uri(links[0]);
    }

    /// <summary>Where a redirect sends the browser, as a path with query.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The text of the page's main content, without the header and footer every page shares.</summary>
    public static string MainText(this IDocument page) => page.QuerySelector("main")?.TextContent ?? "";

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();
}
