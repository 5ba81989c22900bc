using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Surveys;

namespace Rathausplatz.Features.Participation.BackOffice;

/// <summary>
/// A survey's frame (new: <c>?verfahren={slug}</c>), its questions in order (moved and removed here, while
/// nobody has answered), the number of answers and the exports (CSV, XLSX).
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditSurveyModel(AppDb db, SaveSurvey save, EditQuestions questions, ExportAnswers export,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public SurveyInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "verfahren")] public string? ProcessSlug { get; set; }

    public ParticipationProcess Process { get; private set; } = null!;
    public Survey? Survey { get; private set; }
    public List<SurveyQuestion> Questions { get; private set; } = [];
    public int Responses { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Survey is not null)
            Input = SurveyInput.From(Survey);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var (saved, refusals) = await save.RunAsync(Process.Id, id, Input, ct);
        if (saved is not null)
        {
            this.Flash(text["Die Umfrage ist gespeichert."]);
            return Redirect($"/beteiligung/verwaltung/umfragen/{saved.Id}");
        }
        foreach (var refusal in refusals)
            ModelState.AddModelError(refusal.Field, SurveyTexts.Message(refusal.Problem, text));
        return this.PageWithErrors();
    }

    public Task<IActionResult> OnPostUpAsync(Guid id, Guid question, CancellationToken ct) => ChangeAsync(id, questions.MoveAsync(id, question, up: true, ct), ct);

    public Task<IActionResult> OnPostDownAsync(Guid id, Guid question, CancellationToken ct) => ChangeAsync(id, questions.MoveAsync(id, question, up: false, ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid question, CancellationToken ct) => ChangeAsync(id, questions.RemoveAsync(id, question, ct), ct);

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) && Survey is { } survey
            ? File((await export.TableAsync(survey, key => text[key], ct)).ToCsv(), SpreadsheetFile.CsvType, FileName(survey, "csv"))
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) && Survey is { } survey
            ? File((await export.TableAsync(survey, key => text[key], ct)).ToXlsx(survey.Title), SpreadsheetFile.XlsxType, FileName(survey, "xlsx"))
            : NotFound();

    private static string FileName(Survey survey, string extension) => $"umfrage-{survey.Id}.{extension}";

    private async Task<IActionResult> ChangeAsync(Guid id, Task<SurveyProblem?> change, CancellationToken ct)
    {
        var problem = await change;
        // These posts carry no survey form; the binder's complaints about its empty fields do not apply.
        ModelState.Clear();
        if (problem == SurveyProblem.NotFound || !await LoadAsync(id, ct))
            return NotFound();
        if (problem is null)
            return Redirect($"/beteiligung/verwaltung/umfragen/{id}");
        Input = SurveyInput.From(Survey!);
        ModelState.AddModelError("", SurveyTexts.Message(problem.Value, text));
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } surveyId)
        {
            Survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, ct);
            if (Survey is null)
                return false;
            Process = await db.Set<ParticipationProcess>().AsNoTracking().SingleAsync(p => p.Id == Survey.ProcessId, ct);
            Questions = Survey.Questions.OrderBy(q => q.Position).ToList();
            Responses = await db.Set<SurveyParticipation>().CountAsync(p => p.SurveyId == surveyId, ct);
            return true;
        }
        var process = await db.Set<ParticipationProcess>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == ProcessSlug, ct);
        if (process is null)
            return false;
        Process = process;
        return true;
    }
}
