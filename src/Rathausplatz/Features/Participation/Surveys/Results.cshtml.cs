using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>
/// A survey's results: public once it has closed or the editors released them early, for editors always
/// (with the free-text answers, which the public does not see: they may name people).
/// </summary>
[AllowAnonymous]
public sealed class ResultsModel(AppDb db, CountResults count, TimeProvider time) : PageModel
{
    public ParticipationProcess Process { get; private set; } = null!;
    public Survey Survey { get; private set; } = null!;
    public SurveyResults Results { get; private set; } = null!;
    public bool Editor { get; private set; }
    public bool Visible { get; private set; }
    public bool PublicNow { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        var survey = process is null ? null
            : await db.Set<Survey>().AsNoTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == id && s.ProcessId == process.Id, ct);
        Editor = User.RunsProcesses();
        if (process is null || survey is null || !process.SurveysEnabled || (!(process.Published && survey.Published) && !Editor))
            return NotFound();
        (Process, Survey) = (process, survey);
        PublicNow = process.Published && survey.ResultsPublic(time.GetUtcNow().UtcDateTime);
        Visible = Editor || PublicNow;
        if (Visible)
            Results = await count.RunAsync(survey, withTexts: Editor, ct);
        return Page();
    }
}
