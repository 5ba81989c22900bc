using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>
/// Adds, changes, moves and removes a survey's questions, only while nobody has answered: a changed question
/// would make the answers already given mean something else. A condition points to an earlier choice question,
/// so moves and removals that would break one are refused.
/// </summary>
public sealed class EditQuestions(AppDb db)
{
    public const int MaxOptionCount = 20;

    public async Task<(SurveyQuestion? Question, IReadOnlyList<SurveyRefusal> Refusals)> SaveAsync(Guid surveyId, Guid? questionId, QuestionInput input, CancellationToken ct)
    {
        var (survey, refusal) = await LoadAsync(surveyId, ct);
        if (survey is null)
            return (null, [refusal!]);
        var question = questionId is { } id ? survey.Questions.FirstOrDefault(q => q.Id == id) : null;
        if (questionId is not null && question is null)
            return (null, [new(SurveyProblem.NotFound, "")]);
        var refusals = new List<SurveyRefusal>();
        if (refusal is not null)
            refusals.Add(refusal);
        var options = (input.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var needed = input.Kind == QuestionKind.Matrix ? 1 : 2;
        var kindHasOptions = input.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Ranking or QuestionKind.Matrix;
        if (kindHasOptions && (options.Length < needed || options.Length > MaxOptionCount))
            refusals.Add(new(SurveyProblem.OptionsMissing, "Input.Options"));
        if (input.Kind is QuestionKind.Scale or QuestionKind.Matrix && input.ScaleMax <= input.ScaleMin)
            refusals.Add(new(SurveyProblem.ScaleInvalid, "Input.ScaleMax"));

        var position = question?.Position ?? (survey.Questions.Count == 0 ? 1 : survey.Questions.Max(q => q.Position) + 1);
        (Guid Id, int Option)? condition = null;
        if (!string.IsNullOrEmpty(input.Condition))
        {
            var parts = input.Condition.Split(':');
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var on) && int.TryParse(parts[1], out var option)
                && survey.Questions.FirstOrDefault(q => q.Id == on) is { IsChoice: true } target && target.Position < position
                && option >= 0 && option < target.OptionList.Count)
                condition = (on, option);
            else
                refusals.Add(new(SurveyProblem.ConditionInvalid, "Input.Condition"));
        }
        if (question is not null)
        {
            var dependents = survey.Questions.Where(q => q.ConditionQuestionId == question.Id).ToList();
            var isChoice = input.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
            if (dependents.Count > 0 && (!isChoice || dependents.Any(d => d.ConditionOption >= options.Length)))
                refusals.Add(new(SurveyProblem.QuestionIsCondition, "Input.Kind"));
        }
        if (refusals.Count > 0)
            return (null, refusals);

        if (question is null)
            db.Add(question = new SurveyQuestion { SurveyId = surveyId, Text = "", Position = position });
        question.Kind = input.Kind;
        question.Text = input.Text!.Trim();
        question.Hint = string.IsNullOrWhiteSpace(input.Hint) ? null : input.Hint.Trim();
        question.Required = input.Required;
        question.Options = kindHasOptions ? string.Join("\n", options) : "";
        (question.ScaleMin, question.ScaleMax) = (input.ScaleMin, input.ScaleMax);
        question.ScaleMinLabel = string.IsNullOrWhiteSpace(input.ScaleMinLabel) ? null : input.ScaleMinLabel.Trim();
        question.ScaleMaxLabel = string.IsNullOrWhiteSpace(input.ScaleMaxLabel) ? null : input.ScaleMaxLabel.Trim();
        (question.ConditionQuestionId, question.ConditionOption) = (condition?.Id, condition?.Option);
        await db.SaveChangesAsync(ct);
        return (question, []);
    }

    /// <summary>Swaps the question with its neighbour above (up) or below.</summary>
    public async Task<SurveyProblem?> MoveAsync(Guid surveyId, Guid questionId, bool up, CancellationToken ct)
    {
        var (survey, refusal) = await LoadAsync(surveyId, ct);
        if (survey is null || refusal is not null)
            return refusal!.Problem;
        var ordered = survey.Questions.OrderBy(q => q.Position).ToList();
        var index = ordered.FindIndex(q => q.Id == questionId);
        if (index < 0)
            return SurveyProblem.NotFound;
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.Count)
            return null;
        var (earlier, later) = up ? (ordered[other], ordered[index]) : (ordered[index], ordered[other]);
        if (later.ConditionQuestionId == earlier.Id)
            return SurveyProblem.ConditionInvalid;
        (earlier.Position, later.Position) = (later.Position, earlier.Position);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<SurveyProblem?> RemoveAsync(Guid surveyId, Guid questionId, CancellationToken ct)
    {
        var (survey, refusal) = await LoadAsync(surveyId, ct);
        if (survey is null || refusal is not null)
            return refusal!.Problem;
        if (survey.Questions.FirstOrDefault(q => q.Id == questionId) is not { } question)
            return SurveyProblem.NotFound;
        if (survey.Questions.Any(q => q.ConditionQuestionId == questionId))
            return SurveyProblem.QuestionIsCondition;
        db.Remove(question);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<(Survey? Survey, SurveyRefusal? Refusal)> LoadAsync(Guid surveyId, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
            return (null, new(SurveyProblem.NotFound, ""));
        return await db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == surveyId, ct)
            ? (survey, new(SurveyProblem.HasAnswers, ""))
            : (survey, null);
    }
}
