using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(AppDb db) : PageModel
{
    public List<string> Districts { get; private set; } = [];
    public List<string> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await db.Set<District>().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
        Topics = await db.Set<Topic>().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
    }
}
