using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.WithoutAccount;

namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>
/// A survey: its intro and, while it is open, the questionnaire for signed-in accounts that have not answered
/// yet, and for people without an account who came by their mail's link (<c>?zugang=</c>) where the process
/// allows it. Other visitors see a link to sign in (and to ask for such a link). On a refusal the form comes back with what
/// was typed and a message at each question. Not output-cached: the form depends on the person.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
public sealed class AnswerModel(AppDb db, AnswerSurvey answer, MarkdownRenderer markdown, TimeProvider time, GuestLinks links,
    IStringLocalizer<SharedResource> text) : PageModel, IHasFieldsInOrder
{
    /// <summary>The token of a guest's mail link (<see cref="GuestParticipant"/>): the questionnaire without an account.</summary>
    [BindProperty(SupportsGet = true, Name = "zugang")]
    public string? Access { get; set; }

    /// <summary>The person without an account whose link opened the page, if the link is valid for this survey.</summary>
    public GuestParticipant? Guest { get; private set; }
    public bool AccessInvalid { get; private set; }
    /// <summary>The process lets people answer without an account: visitors are offered the way by mail.</summary>
    public bool OpenWithoutAccount { get; private set; }

    public ParticipationProcess Process { get; private set; } = null!;
    public Survey Survey { get; private set; } = null!;
    public List<SurveyQuestion> Questions { get; private set; } = [];

    /// <summary>The error summary lists the questions' problems in the questions' order.</summary>
    public IEnumerable<string> FieldsInOrder => Questions.Select(q => AnswerSurvey.FieldName(q.Id));
    public string IntroHtml { get; private set; } = "";
    public bool Open { get; private set; }
    public bool AlreadyAnswered { get; private set; }
    public bool ResultsVisible { get; private set; }
    /// <summary>What was posted, to fill the form again after a refusal.</summary>
    public IReadOnlyDictionary<string, string[]> Posted { get; private set; } = new Dictionary<string, string[]>();

    public string Path => $"/beteiligung/{Process.Slug}/umfragen/{Survey.Id}";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var userId = User.ParticipantId();
        if (userId is null && Guest is null)
            return AccessInvalid ? this.PageWithErrors() : Challenge();
        Posted = Request.Form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
        var result = userId is { } account ? await answer.RunAsync(id, account, Posted, ct) : await answer.RunAsGuestAsync(Guest!, Survey, Posted, ct);
        switch (result.Outcome)
        {
            case AnswerOutcome.Saved:
                this.Flash(text["Danke! Ihre Antworten sind gespeichert."]);
                return Redirect(Path);
            case AnswerOutcome.AlreadyAnswered:
                this.Flash(text["Sie haben diese Umfrage schon beantwortet."]);
                return Redirect(Path);
            case AnswerOutcome.NotFound:
                return NotFound();
            case AnswerOutcome.Closed:
                ModelState.AddModelError("", text["Diese Umfrage ist nicht geöffnet."]);
                break;
            case AnswerOutcome.EmailNotConfirmed:
                ModelState.AddModelError("", text["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."]);
                break;
            case AnswerOutcome.ResidencyRequired:
                ModelState.AddModelError("", text["In diesem Verfahren zählen nur Stimmen von Einwohnerinnen und Einwohnern. Bitte bestätigen Sie zuerst Ihren Wohnsitz."]);
                break;
            default:
                foreach (var question in Questions.Where(q => result.Problems.ContainsKey(q.Id)))
                    ModelState.AddModelError(AnswerSurvey.FieldName(question.Id), Message(result.Problems[question.Id], question));
                break;
        }
        return this.PageWithErrors();
    }

    private string Message(AnswerProblem problem, SurveyQuestion question) => problem switch
    {
        AnswerProblem.Required => text["Bitte beantworten Sie die Frage „{0}“.", question.Text],
        AnswerProblem.NotAnOption => text["Bitte wählen Sie bei „{0}“ aus den angebotenen Antworten.", question.Text],
        AnswerProblem.TooLong => text["Die Antwort auf „{0}“ darf höchstens {1} Zeichen lang sein.", question.Text, SurveyAnswer.MaxText],
        AnswerProblem.OutOfScale => text["Bitte wählen Sie bei „{0}“ einen Wert von {1} bis {2}.", question.Text, question.ScaleMin, question.ScaleMax],
        AnswerProblem.NotAPermutation => text["Bitte vergeben Sie bei „{0}“ jeden Platz von 1 bis {1} genau einmal.", question.Text, question.OptionList.Count],
        _ => text["Bitte beantworten Sie bei „{0}“ jede Zeile.", question.Text],
    };

    /// <summary>The typed or chosen values of a field, after a refusal.</summary>
    public string[] Values(string name) => Posted.TryGetValue(name, out var values) ? values : [];

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        var survey = process is null ? null
            : await db.Set<Survey>().AsNoTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == id && s.ProcessId == process.Id, ct);
        var editor = User.RunsProcesses();
        if (process is null || survey is null || !process.SurveysEnabled || (!(process.Published && survey.Published) && !editor))
            return false;
        var now = time.GetUtcNow().UtcDateTime;
        (Process, Survey) = (process, survey);
        Questions = survey.Questions.OrderBy(q => q.Position).ToList();
        IntroHtml = markdown.ToSafeHtml(survey.Intro);
        Open = process.Published && survey.IsOpen(now);
        ResultsVisible = editor || survey.ResultsPublic(now);
        OpenWithoutAccount = process.OpenWithoutAccount && !process.ResidentsOnly;
        if (User.ParticipantId() is { } userId)
            AlreadyAnswered = await db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == id && p.UserId == userId, ct);
        else if (Access is not null)
        {
            Guest = await links.FindAsync(db, Access, ct) is { Action: GuestAction.SurveyAnswer } guest && guest.SubjectId == id && OpenWithoutAccount ? guest : null;
            AccessInvalid = Guest is null;
            AlreadyAnswered = Guest is not null && await answer.AnsweredAsync(Guest, ct);
            if (AccessInvalid)
                ModelState.AddModelError("", text["Dieser Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an."]);
        }
        return true;
    }
}
