using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Surveys;

public enum SurveyProblem
{
    NotFound, SurveysDisabled, EndsBeforeStart, OutsideProcess, AnonymityFixed, HasAnswers, OptionsMissing, ScaleInvalid,
    ConditionInvalid, QuestionIsCondition,
}

/// <summary>A refusal and the form field it belongs to, so the page shows it there.</summary>
public sealed record SurveyRefusal(SurveyProblem Problem, string Field);

/// <summary>
/// Creates or changes a survey's frame: title, intro, days, anonymity, publication and the early release of
/// results. The days must lie within the process's phases. Anonymity is fixed once the first answer is in:
/// switching it later would promise something the stored rows do not keep.
/// </summary>
public sealed class SaveSurvey(AppDb db, TimeProvider time)
{
    public async Task<(Survey? Survey, IReadOnlyList<SurveyRefusal> Refusals)> RunAsync(Guid processId, Guid? surveyId, SurveyInput input, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Id == processId, ct);
        Survey? survey = null;
        if (surveyId is { } id && (survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id && s.ProcessId == processId, ct)) is null
            || process is null)
            return (null, [new(SurveyProblem.NotFound, "")]);
        var refusals = new List<SurveyRefusal>();
        if (!process.SurveysEnabled)
            refusals.Add(new(SurveyProblem.SurveysDisabled, ""));
        var (first, last) = (input.FirstDay!.Value, input.LastDay!.Value);
        var (opens, closes) = (ProcessPhase.StartOf(first), ProcessPhase.StartOf(last.AddDays(1)));
        if (last < first)
            refusals.Add(new(SurveyProblem.EndsBeforeStart, "Input.LastDay"));
        else if (process.Phases.Count == 0 || opens < process.Phases.Min(p => p.StartsAt) || closes > process.Phases.Max(p => p.EndsAt))
            refusals.Add(new(SurveyProblem.OutsideProcess, "Input.FirstDay"));
        if (survey is not null && survey.Anonymous != input.Anonymous && await db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == survey.Id, ct))
            refusals.Add(new(SurveyProblem.AnonymityFixed, "Input.Anonymous"));
        if (refusals.Count > 0)
            return (null, refusals);

        var now = time.GetUtcNow().UtcDateTime;
        if (survey is null)
            db.Add(survey = new Survey { ProcessId = processId, Title = "", CreatedAt = now });
        survey.Title = input.Title!.Trim();
        survey.Intro = input.Intro?.Trim() ?? "";
        (survey.OpensAt, survey.ClosesAt) = (opens, closes);
        survey.Anonymous = input.Anonymous;
        survey.Published = input.Published;
        survey.ResultsReleased = input.ResultsReleased;
        survey.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (survey, []);
    }
}
