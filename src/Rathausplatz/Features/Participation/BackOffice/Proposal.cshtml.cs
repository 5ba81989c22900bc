using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.BackOffice;

/// <summary>Decide on one proposal (status, reason) and answer it officially; the public page shows both.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class ProposalModel(AppDb db, EvaluateProposal evaluate, ReportProgress report, IStringLocalizer<SharedResource> text) : PageModel, IProgressForm
{
    public Proposal Proposal { get; private set; } = null!;
    public string ProcessSlug { get; private set; } = "";
    public string ProcessTitle { get; private set; } = "";

    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public int? PercentDone { get; set; }
    [BindProperty] public string? UpdateText { get; set; }

    /// <summary>Progress is reported only on what the town has taken on.</summary>
    public bool TracksProgress => Proposal.Status is ProposalStatus.Accepted or ProposalStatus.Implemented;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        (Status, Reason, Answer) = (ParticipationTexts.StatusSlug(Proposal.Status), Proposal.StatusReason, Proposal.OfficialAnswer);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Answer = Proposal.OfficialAnswer;
        if (ParticipationTexts.StatusFromSlug(Status) is not { } status)
        {
            ModelState.AddModelError(nameof(Status), text["Bitte wählen Sie einen Status."]);
            return this.PageWithErrors();
        }
        var problem = await evaluate.SetStatusAsync(User.ParticipantId()!.Value, id, status, Reason, ct);
        if (problem is null or EvaluationProblem.Unchanged)
            return Done(problem is null ? text["Der Status ist gespeichert."] : text["Der Vorschlag hat diesen Status schon."]);
        if (problem == EvaluationProblem.NotFound)
            return NotFound();
        ModelState.AddModelError(nameof(Reason), ParticipationTexts.Message(problem.Value, text));
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        (Status, Reason) = (ParticipationTexts.StatusSlug(Proposal.Status), Proposal.StatusReason);
        var problem = await evaluate.AnswerAsync(User.ParticipantId()!.Value, id, Answer, ct);
        if (problem is null)
            return Done(text["Die offizielle Antwort ist veröffentlicht."]);
        if (problem == EvaluationProblem.NotFound)
            return NotFound();
        ModelState.AddModelError(nameof(Answer), ParticipationTexts.Message(problem.Value, text));
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostProgressAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        (Status, Reason, Answer) = (ParticipationTexts.StatusSlug(Proposal.Status), Proposal.StatusReason, Proposal.OfficialAnswer);
        var saved = await this.SubmitAsync(this, report, ProgressSubject.Proposal(id), text, ct);
        if (saved is null)
            return NotFound();
        return saved.Value ? Redirect($"/beteiligung/verwaltung/vorschlaege/{id}") : this.PageWithErrors();
    }

    private RedirectResult Done(string message)
    {
        this.Flash(message);
        return Redirect($"/beteiligung/verwaltung/vorschlaege/{Proposal.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == id)
            .Join(db.Set<ParticipationProcess>(), p => p.ProcessId, pr => pr.Id, (p, pr) => new { Proposal = p, pr.Slug, pr.Title })
            .SingleOrDefaultAsync(ct);
        if (found is null)
            return false;
        (Proposal, ProcessSlug, ProcessTitle) = (found.Proposal, found.Slug, found.Title);
        this.Show(Proposal);
        return true;
    }
}
