using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>Every endpoint the app maps: pages, APIs, health checks.</summary>
    public IReadOnlyList<Endpoint> Endpoints => Services.GetRequiredService<EndpointDataSource>().Endpoints;

    /// <summary>
    /// A browser-like client for the organisation's host over HTTPS: it keeps cookies and does not
    /// follow redirects, so tests see every 302.
    /// </summary>
    public HttpClient CreateClient(TestOrganization organization, string? language = null) =>
        CreateClient(organization.Host, language);

    /// <summary>A client for any host name, known to the app or not.</summary>
    public HttpClient CreateClient(string host, string? language = null) => CreateBrowser(host, language).Client;

    /// <summary>
    /// A client that carries <paramref name="user"/>'s sign-in cookie, issued by the app as after a
    /// password sign-in. Pass <paramref name="at"/> to present that same cookie at another organisation's host.
    /// A shortcut for setup only: tests about accounts sign in through the forms with <see cref="SignInAsync"/>.
    /// </summary>
    public async Task<HttpClient> CreateSignedInClientAsync(TestUser user, TestOrganization? at = null)
    {
        var host = (at ?? user.Organization).Host;
        var (client, cookies) = CreateBrowser(host, language: null);
        var (name, value) = await IssueSignInCookieAsync(user);
        cookies.Add(new Cookie(name, value, "/", host) { Secure = true, HttpOnly = true });
        return client;
    }

    private (HttpClient Client, CookieContainer Cookies) CreateBrowser(string host, string? language)
    {
        var cookies = new CookieContainerHandler();
        var client = CreateDefaultClient(new Uri($"https://{host}/"), cookies);
        if (language is not null)
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return (client, cookies.Container);
    }

    // What SignInManager.SignInAsync writes, without needing a sign-in page: the same claims
    // (organisation, roles, security stamp) protected with the app's own cookie format and keys.
    private async Task<(string Name, string Value)> IssueSignInCookieAsync(TestUser user)
    {
        await using var scope = InOrganization(user.Organization);
        var signIn = scope.Get<SignInManager<User>>();
        var account = await signIn.UserManager.FindByIdAsync(user.Id.ToString())
            ?? throw new InvalidOperationException($"No account {user.Email} in {user.Organization.Slug}.");
        var principal = await signIn.CreateUserPrincipalAsync(account);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "pwd"));
        var options = scope.Get<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = Time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
        return (options.Cookie.Name!, options.TicketDataFormat.Protect(ticket));
    }
}
