using Microsoft.Extensions.Caching.Memory;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Organizations;

/// <summary>What every page needs to know about the current organisation, cheap to keep in memory.</summary>
public sealed record OrganizationSummary(Guid Id, string Name, string Slug, string AccentColor, bool HasLogo,
    string? ContactEmail, string? ContactPhone, string? ContactAddress);

/// <summary>
/// Finds the organisation for a host name. Answers are cached briefly: every request asks, and a
/// change made on another node shows here within <see cref="CacheFor"/>.
/// </summary>
public sealed class OrganizationDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<OrganizationSummary?> FindByHostAsync(string host, CancellationToken ct = default)
    {
        var key = CacheKey(host);
        if (cache.TryGetValue(key, out OrganizationSummary? cached))
            return cached;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var found = await db.Set<OrganizationHost>()
            .Where(h => h.HostName == host.ToLowerInvariant())
            .Join(db.Set<Organization>(), h => h.OrganizationId, o => o.Id, (h, o) => o)
            .Select(o => new OrganizationSummary(o.Id, o.Name, o.Slug, o.AccentColor, o.Logo != null,
                o.ContactEmail, o.ContactPhone, o.ContactAddress))
            .AsNoTracking()
            .FirstOrDefaultAsync(ct);
        cache.Set(key, found, CacheFor);
        return found;
    }

    /// <summary>Forget cached answers after an organisation or its hosts changed on this node.</summary>
    public void Forget(IEnumerable<string> hosts)
    {
        foreach (var host in hosts)
            cache.Remove(CacheKey(host));
    }

    private static string CacheKey(string host) => "org-host:" + host.ToLowerInvariant();
}
