using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Platform;

/// <summary>All organisations of this installation. Organisation rows carry no tenant filter; accounts do (see the count below).</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class IndexModel(AppDb db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Slug, List<string> Hosts, DateTime CreatedAt, int Accounts);

    public List<Row> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organizations = await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Slug, Hosts = o.Hosts.OrderBy(h => h.HostName).Select(h => h.HostName).ToList(), o.CreatedAt })
            .ToListAsync(ct);
        // Deliberately across organisations: users are tenant-filtered, and the platform admin needs
        // every organisation's figure. Only a count per organisation leaves the database.
        var accounts = await db.Users.IgnoreQueryFilters().GroupBy(u => u.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OrganizationId, g => g.Count, ct);
        Organizations = organizations
            .Select(o => new Row(o.Id, o.Name, o.Slug, o.Hosts, o.CreatedAt, accounts.GetValueOrDefault(o.Id)))
            .ToList();
    }
}
