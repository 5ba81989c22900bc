using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Platform;

/// <summary>All organisations of this installation. Organisation rows carry no tenant filter, so no IgnoreQueryFilters is needed.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class IndexModel(AppDb db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Slug, List<string> Hosts, DateTime CreatedAt);

    public List<Row> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organizations = await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Slug, o.Hosts.OrderBy(h => h.HostName).Select(h => h.HostName).ToList(), o.CreatedAt))
            .ToListAsync(ct);
    }
}
