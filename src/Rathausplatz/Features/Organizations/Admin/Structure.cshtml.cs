using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Admin;

/// <summary>Districts and topics of the organisation, read-only for now (the query filter keeps them to this organisation).</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class StructureModel(AppDb db) : PageModel
{
    public sealed record Entry(string Name, string Slug);

    public List<Entry> Districts { get; private set; } = [];
    public List<Entry> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new Entry(d.Name, d.Slug)).ToListAsync(ct);
        Topics = await db.Set<Topic>().AsNoTracking().OrderBy(t => t.Name).Select(t => new Entry(t.Name, t.Slug)).ToListAsync(ct);
    }
}
