using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Tests.Support;

/// <summary>A municipality made for one test, served at its own host name.</summary>
public sealed record TestOrganization(Guid Id, string Name, string Slug, string Host);

/// <summary>
/// An account made for one test; <see cref="Password"/> signs it in, and <see cref="AuthenticatorKey"/>
/// (when two factors are on) is what the person's authenticator app holds.
/// </summary>
public sealed record TestUser(Guid Id, string Email, string Password, string DisplayName, TestOrganization Organization,
    string? AuthenticatorKey = null);

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

    /// <summary>A new municipality with its own host name, made the way platform admins make one.</summary>
    public async Task<TestOrganization> CreateOrganizationAsync(string? name = null, string? slug = null)
    {
        slug ??= Unique.Name("org");
        name ??= "Stadt " + slug;
        var host = $"{slug}.rathausplatz.test";
        await using var scope = WithoutOrganization();
        var (created, problem) = await scope.Get<ManageOrganizations>().CreateAsync(name, slug, host, CancellationToken.None);
        if (created is null)
            throw new InvalidOperationException($"Could not create organisation {slug}: {problem}");
        return new TestOrganization(created.Id, created.Name, slug, host);
    }

    /// <summary>The organisation served at <paramref name="host"/>, however it was made (a page, the command line), or null.</summary>
    public async Task<TestOrganization?> FindOrganizationAsync(string host)
    {
        await using var scope = WithoutOrganization();
        var db = scope.Db;
        return await db.Set<OrganizationHost>().Where(h => h.HostName == host)
            .Join(db.Set<Organization>(), h => h.OrganizationId, o => o.Id, (h, o) => new TestOrganization(o.Id, o.Name, o.Slug, h.HostName))
            .SingleOrDefaultAsync();
    }

    /// <summary>Adds a district; returns its id and slug (the ?stadtteil= of lists and feeds).</summary>
    public async Task<(Guid Id, string Slug)> AddDistrictAsync(TestOrganization organization, string name, string? boundaryGeoJson = null)
    {
        await using var scope = InOrganization(organization);
        var district = new District
        {
            Name = name,
            Slug = Unique.Name("district"),
            BoundaryGeoJson = boundaryGeoJson ?? """{"type":"Polygon","coordinates":[[[10,51],[10.01,51],[10.01,51.01],[10,51.01],[10,51]]]}""",
        };
        scope.Db.Add(district);
        await scope.Db.SaveChangesAsync();
        return (district.Id, district.Slug);
    }

    /// <summary>Adds a topic; returns its id and slug (the ?thema= of lists and feeds).</summary>
    public async Task<(Guid Id, string Slug)> AddTopicAsync(TestOrganization organization, string name)
    {
        await using var scope = InOrganization(organization);
        var topic = new Topic { Name = name, Slug = Unique.Name("topic") };
        scope.Db.Add(topic);
        await scope.Db.SaveChangesAsync();
        return (topic.Id, topic.Slug);
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
