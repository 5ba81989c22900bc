using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>A new project of a process's budget (no id) or an existing one; for an existing one also its progress.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditProjectModel(AppDb db, SaveProject save, ReportProgress report, IStringLocalizer<SharedResource> text) : PageModel, IProgressForm
{
    [BindProperty] public ProjectInput Input { get; set; } = new();
    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public int? PercentDone { get; set; }
    [BindProperty] public string? UpdateText { get; set; }

    public ParticipationProcess Process { get; private set; } = null!;
    public BudgetProject? Project { get; private set; }
    public List<(string Slug, string Name)> Districts { get; private set; } = [];
    public List<(Guid Id, string Title)> AcceptedProposals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (Project is { } project)
            Input = SaveProject.From(project, await db.Set<District>().Where(d => d.Id == project.DistrictId).Select(d => d.Slug).SingleOrDefaultAsync(ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (ModelState.IsValid)
        {
            var result = await save.RunAsync(slug, id, Input, ct);
            if (result.Project is { } saved)
            {
                this.Flash(text["Das Projekt ist gespeichert."]);
                return Redirect($"/beteiligung/verwaltung/verfahren/{slug}/projekte/{saved.Id}");
            }
            if (result.Refusals is [{ Problem: ProjectProblem.NotFound }])
                return NotFound();
            foreach (var refusal in result.Refusals)
                ModelState.AddModelError(refusal.Field, BudgetTexts.Message(refusal.Problem, text));
        }
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostProgressAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct) || Project is null)
            return NotFound();
        // Only the progress form was posted: the project form shows the stored values.
        ModelState.Clear();
        Input = SaveProject.From(Project, await db.Set<District>().Where(d => d.Id == Project.DistrictId).Select(d => d.Slug).SingleOrDefaultAsync(ct));
        var saved = await this.SubmitAsync(this, report, ProgressSubject.Project(id), text, ct);
        if (saved is null)
            return NotFound();
        return saved.Value ? Redirect($"/beteiligung/verwaltung/verfahren/{slug}/projekte/{id}") : this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(string slug, Guid? id, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null)
            return false;
        Process = process;
        if (id is { } projectId && (Project = await db.Set<BudgetProject>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId && p.ProcessId == process.Id, ct)) is null)
            return false;
        if (Project is not null)
            this.Show(Project);
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct))
            .Select(d => (d.Slug, d.Name)).ToList();
        AcceptedProposals = (await db.Set<Proposal>().AsNoTracking()
                .Where(p => p.ProcessId == process.Id && (p.Status == ProposalStatus.Accepted || p.Status == ProposalStatus.Implemented))
                .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        return true;
    }
}
