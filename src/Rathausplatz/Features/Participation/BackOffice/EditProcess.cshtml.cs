using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.BackOffice;

/// <summary>A new process (no slug) or an existing one: texts, scope, phases, components; and its proposals to evaluate.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditProcessModel(AppDb db, SaveProcess save, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record ProposalRow(Guid Id, string Title, ProposalStatus Status, int SupportCount, bool Hidden);

    [BindProperty] public ProcessInput Input { get; set; } = new();

    public string? Slug { get; private set; }
    public List<District> Districts { get; private set; } = [];
    public List<Topic> Topics { get; private set; } = [];
    public List<ProposalRow> Proposals { get; private set; } = [];
    public List<Surveys.Survey> Surveys { get; private set; } = [];
    public List<Debates.DebateList.Item> Debates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (slug is null)
        {
            Input = ProcessInput.New(key => text[key]);
            return Page();
        }
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).Include(p => p.Districts).Include(p => p.Topics)
            .SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null)
            return NotFound();
        Slug = slug;
        Input = ProcessInput.From(process, key => text[key]);
        await LoadProposalsAsync(process.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Slug = slug;
        Input.CompletePhases(key => text[key]);
        if (ModelState.IsValid)
        {
            var result = await save.RunAsync(slug, Input, ct);
            if (result.Process is { } saved)
            {
                this.Flash(text["Das Verfahren ist gespeichert."]);
                return Redirect($"/beteiligung/verwaltung/verfahren/{saved.Slug}");
            }
            if (result.Refusals is [{ Problem: ProcessProblem.NotFound }])
                return NotFound();
            foreach (var refusal in result.Refusals)
                ModelState.AddModelError(refusal.Field, ParticipationTexts.Message(refusal.Problem, text));
        }
        if (slug is not null && await db.Set<ParticipationProcess>().Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct) is { } id)
            await LoadProposalsAsync(id, ct);
        return this.PageWithErrors();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        Topics = await db.Set<Topic>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
    }

    private async Task LoadProposalsAsync(Guid processId, CancellationToken ct)
    {
        Surveys = await db.Set<Surveys.Survey>().AsNoTracking().Where(s => s.ProcessId == processId).OrderBy(s => s.OpensAt).ToListAsync(ct);
        Debates = await Participation.Debates.DebateList.LoadAsync(db, processId, ct);
        Proposals = await db.Set<Proposal>().AsNoTracking().Where(p => p.ProcessId == processId)
            .OrderByDescending(p => p.SupportCount).ThenByDescending(p => p.CreatedAt)
            .Select(p => new ProposalRow(p.Id, p.Title, p.Status, p.SupportCount, p.HiddenAt != null)).ToListAsync(ct);
    }
}
