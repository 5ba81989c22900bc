using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Tests.Support;

/// <summary>A municipality made for one test, served at its own host name.</summary>
public sealed record TestOrganization(Guid Id, string Name, string Slug, string Host);

/// <summary>An account made for one test; <see cref="Password"/> signs it in.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string DisplayName, TestOrganization Organization);

/// <summary>A DI scope of the app, working for one organisation or (installation-wide) for none.</summary>
public sealed class AppScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public AppDb Db => Get<AppDb>();

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

public abstract partial class RathausplatzApp
{
    public const string Password = "Ein-langes-Test-Passwort-2026";

    /// <summary>A scope whose queries and writes belong to <paramref name="organization"/>, as in a request to its host.</summary>
    public AppScope InOrganization(TestOrganization organization) => InOrganization(organization.Id);

    public AppScope InOrganization(Guid organizationId)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        return new AppScope(scope);
    }

    /// <summary>A scope without organisation, as a job for the whole installation has: tenant-owned rows are invisible.</summary>
    public AppScope WithoutOrganization() => new(Services.CreateAsyncScope());

    /// <summary>Every endpoint the app maps: pages, APIs, health checks.</summary>
    public IReadOnlyList<Endpoint> Endpoints => Services.GetRequiredService<EndpointDataSource>().Endpoints;

    /// <summary>A new municipality with its own host name, made the way platform admins make one.</summary>
    public async Task<TestOrganization> CreateOrganizationAsync(string? name = null)
    {
        var slug = Unique.Name("org");
        name ??= "Stadt " + slug;
        var host = $"{slug}.rathausplatz.test";
        await using var scope = WithoutOrganization();
        var (created, problem) = await scope.Get<ManageOrganizations>().CreateAsync(name, slug, host, CancellationToken.None);
        if (created is null)
            throw new InvalidOperationException($"Could not create organisation {slug}: {problem}");
        return new TestOrganization(created.Id, created.Name, slug, host);
    }

    public async Task AddDistrictAsync(TestOrganization organization, string name)
    {
        await using var scope = InOrganization(organization);
        scope.Db.Add(new District
        {
            Name = name,
            Slug = Unique.Name("district"),
            BoundaryGeoJson = """{"type":"Polygon","coordinates":[[[10,51],[10.01,51],[10.01,51.01],[10,51.01],[10,51]]]}""",
        });
        await scope.Db.SaveChangesAsync();
    }

    public async Task AddTopicAsync(TestOrganization organization, string name)
    {
        await using var scope = InOrganization(organization);
        scope.Db.Add(new Topic { Name = name, Slug = Unique.Name("topic") });
        await scope.Db.SaveChangesAsync();
    }

    /// <summary>A confirmed account of <paramref name="organization"/> with the given roles and <see cref="Password"/>.</summary>
    public async Task<TestUser> CreateUserAsync(TestOrganization organization, params string[] roles)
    {
        var email = $"{Unique.Name("person")}@example.org";
        var displayName = "Person " + email[..email.IndexOf('@')];
        await using var scope = InOrganization(organization);
        var users = scope.Get<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = Now };
        Succeed(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
            Succeed(await users.AddToRolesAsync(user, roles));
        return new TestUser(user.Id, email, Password, displayName, organization);
    }

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

    private static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>Names that no other test uses, so tests sharing an app never see each other's data.</summary>
public static class Unique
{
    private static int counter;

    public static string Name(string prefix) =>
        $"{prefix}-{Interlocked.Increment(ref counter)}-{Random.Shared.Next(0x10000, 0xFFFFF):x}";
}
