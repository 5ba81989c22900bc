using Rathausplatz.Features.Accounts.SingleSignOn;
using System.Diagnostics;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// The administration's identity provider for the single sign-on tests: oidc-provider (npm, a certified
/// OpenID Provider) run by tests/interop/oidc-identity-provider.mjs. Its login form takes any name and
/// password; the name is the account (see the script for the e-mail address it claims).
/// </summary>
/// <remarks>Shared with the browser tests, which link this file.</remarks>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "rathausplatz";
    public const string ClientSecret = "test-client-secret";

    private Process? node;

    public Uri Authority { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts the provider for the organisation <paramref name="slug"/>'s callback paths (sign-in and sign-out).</summary>
    public async Task StartAsync(string slug)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Interop.Folder, "oidc-identity-provider.mjs"), ClientId, ClientSecret,
            IdentityProviders.CallbackPathFor(slug), IdentityProviders.SignedOutCallbackPathFor(slug)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Interop.Folder,
        };
        node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        node.ErrorDataReceived += (_, _) => { }; // its start-up warnings; read so the pipe never fills
        node.BeginErrorReadLine();
        var line = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line?.StartsWith("listening ", StringComparison.Ordinal) != true)
            throw new InvalidOperationException($"The identity provider did not start: {line}");
        Authority = new Uri($"http://127.0.0.1:{line["listening ".Length..]}");
    }

    /// <summary>The administration puts <paramref name="login"/> into these groups (and out of all others) at the provider.</summary>
    public async Task SetGroupsAsync(string login, params string[] groups)
    {
        using var client = new HttpClient();
        using var set = await client.PutAsync(new Uri(Authority, "/test/groups/" + Uri.EscapeDataString(login)),
            new StringContent(System.Text.Json.JsonSerializer.Serialize(groups)));
        set.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// What a browser does at the provider: follows its redirects to the login form, signs in as
    /// <paramref name="login"/> and follows on until the provider sends it back to the app; returns that address.
    /// </summary>
    public async Task<Uri> SignInAsync(Uri authorize, string login)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() });
        var next = authorize;
        var signInForm = false;
        for (var step = 0; step < 10; step++)
        {
            using var response = signInForm
                ? await browser.PostAsync(next, new FormUrlEncodedContent([new("prompt", "login"), new("login", login), new("password", "beliebig")]))
                : await browser.GetAsync(next);
            signInForm = false;
            if (response.Headers.Location is { } location)
            {
                next = new Uri(next, location);
                if (next.Authority != Authority.Authority)
                    return next;
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            var form = System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*action=\"([^\"]+)\"[^>]*>\\s*<input type=\"hidden\" name=\"prompt\" value=\"login\"");
            if (!form.Success)
                throw new InvalidOperationException($"The provider answered {(int)response.StatusCode} without a login form: {html}");
            next = new Uri(next, form.Groups[1].Value);
            signInForm = true;
        }
        throw new InvalidOperationException("The provider never sent the browser back.");
    }

    /// <summary>
    /// What a browser does at the provider's end-session endpoint: answers its "sign out?" form with yes and follows
    /// on until the provider sends it back to the app; returns that address.
    /// </summary>
    public async Task<Uri> SignOutAsync(Uri endSession)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() });
        using var asked = await browser.GetAsync(endSession);
        var html = await asked.Content.ReadAsStringAsync();
        var form = System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        if (!form.Success)
            throw new InvalidOperationException($"The provider answered {(int)asked.StatusCode} without a sign-out form: {html}");
        var fields = System.Text.RegularExpressions.Regex.Matches(form.Groups[2].Value, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        // Its question ("sign out?") has the answer as a button; without a session there it comes as a field already.
        if (!fields.Exists(f => f.Key == "logout"))
            fields.Add(KeyValuePair.Create("logout", "yes"));
        var next = new Uri(endSession, form.Groups[1].Value);
        using var confirmed = await browser.PostAsync(next, new FormUrlEncodedContent(fields));
        var location = confirmed.Headers.Location ?? throw new InvalidOperationException($"The provider answered {(int)confirmed.StatusCode} to the sign-out.");
        return new Uri(next, location);
    }

    public ValueTask DisposeAsync()
    {
        if (node is { HasExited: false })
            node.Kill();
        node?.Dispose();
        return ValueTask.CompletedTask;
    }
}
