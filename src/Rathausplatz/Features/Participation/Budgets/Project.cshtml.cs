using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>
/// One project of a budget: what it is, what it costs, where, which proposal it came from; after the vote its
/// votes and whether it is funded; and what became of it (accountability: status, percent done, dated updates).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class ProjectModel(AppDb db, TimeProvider time, MarkdownRenderer markdown, BudgetTally tally, ProgressHistory history) : PageModel
{
    public ParticipationProcess Process { get; private set; } = null!;
    public BudgetProject Project { get; private set; } = null!;
    public string DescriptionHtml { get; private set; } = "";
    public string? District { get; private set; }
    public (Guid Id, string Title)? FromProposal { get; private set; }
    public BudgetTally.ProjectResult? Result { get; private set; }
    public ProgressView Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null || !process.BudgetEnabled || (!process.Published && !User.RunsProcesses()))
            return NotFound();
        var project = await db.Set<BudgetProject>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == process.Id, ct);
        if (project is null)
            return NotFound();
        (Process, Project) = (process, project);
        DescriptionHtml = markdown.ToSafeHtml(project.Description);
        District = await db.Set<District>().Where(d => d.Id == project.DistrictId).Select(d => d.Name).SingleOrDefaultAsync(ct);
        var proposal = await db.Set<Proposal>().Where(p => p.Id == project.ProposalId && p.HiddenAt == null).Select(p => new { p.Id, p.Title }).SingleOrDefaultAsync(ct);
        FromProposal = proposal is null ? null : (proposal.Id, proposal.Title);
        if (new ProcessSchedule(process.Phases).VotingClosedAt(time.GetUtcNow().UtcDateTime))
            Result = (await tally.CountAsync(process.Id, process.BudgetCents ?? 0, ct)).Projects.SingleOrDefault(p => p.Id == id);
        Progress = await history.LoadAsync(project, ProgressSubject.Project(id), ct);
        return Page();
    }
}
