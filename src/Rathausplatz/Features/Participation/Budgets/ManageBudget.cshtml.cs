using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>The editors' view of one process's budget: its projects, their costs beside the budget, their progress.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class ManageBudgetModel(AppDb db) : PageModel
{
    public sealed record ProjectRow(Guid Id, string Title, long CostCents, string? District, ProjectProgress Progress, int PercentDone);

    public ParticipationProcess Process { get; private set; } = null!;
    public List<ProjectRow> Projects { get; private set; } = [];
    public int Ballots { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null)
            return NotFound();
        Process = process;
        Projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.ProcessId == process.Id).OrderBy(p => p.Title)
            .Select(p => new ProjectRow(p.Id, p.Title, p.CostCents,
                db.Set<District>().Where(d => d.Id == p.DistrictId).Select(d => d.Name).FirstOrDefault(), p.Progress, p.PercentDone))
            .ToListAsync(ct);
        Ballots = await db.Set<BudgetBallot>().CountAsync(b => b.ProcessId == process.Id, ct);
        return Page();
    }
}
