using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Surveys;

namespace Rathausplatz.Features.Participation.BackOffice;

/// <summary>One question of a survey, new or changed: kind, text, options or rows, scale, condition.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditQuestionModel(AppDb db, EditQuestions questions, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record ConditionChoice(string Value, string Label);

    [BindProperty] public QuestionInput Input { get; set; } = new();

    public Survey Survey { get; private set; } = null!;
    public Guid? QuestionId { get; private set; }
    public List<ConditionChoice> Conditions { get; private set; } = [];
    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid surveyId, Guid? questionId, CancellationToken ct)
    {
        if (!await LoadAsync(surveyId, questionId, ct))
            return NotFound();
        if (questionId is { } id)
            Input = QuestionInput.From(Survey.Questions.Single(q => q.Id == id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid surveyId, Guid? questionId, CancellationToken ct)
    {
        if (!await LoadAsync(surveyId, questionId, ct))
            return NotFound();
        if (!Enum.IsDefined(Input.Kind))
            ModelState.AddModelError("Input.Kind", text["Bitte wählen Sie eine Art der Frage."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var (saved, refusals) = await questions.SaveAsync(surveyId, questionId, Input, ct);
        if (saved is not null)
        {
            this.Flash(text["Die Frage ist gespeichert."]);
            return Redirect($"/beteiligung/verwaltung/umfragen/{surveyId}");
        }
        if (refusals is [{ Problem: SurveyProblem.NotFound }])
            return NotFound();
        foreach (var refusal in refusals)
            ModelState.AddModelError(refusal.Field, SurveyTexts.Message(refusal.Problem, text));
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(Guid surveyId, Guid? questionId, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null || (questionId is { } id && survey.Questions.All(q => q.Id != id)))
            return false;
        (Survey, QuestionId) = (survey, questionId);
        Locked = await db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == surveyId, ct);
        // Conditions point to earlier choice questions: the ones before this one, or all for a new one.
        var position = survey.Questions.FirstOrDefault(q => q.Id == questionId)?.Position ?? int.MaxValue;
        Conditions = survey.Questions.Where(q => q.IsChoice && q.Position < position).OrderBy(q => q.Position)
            .SelectMany(q => q.OptionList.Select((option, i) => new ConditionChoice($"{q.Id}:{i}", $"{q.Text} – {option}")))
            .ToList();
        return true;
    }
}
