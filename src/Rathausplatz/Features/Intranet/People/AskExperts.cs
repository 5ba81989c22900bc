using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.People;

public sealed record QuestionInput(Guid AskerId, string? Title, string? Body, string? Skills);

/// <summary>
/// "Frag die Expert:innen": asking (the notices go out through a job stored with the question), answering, and the
/// asker's choice of the best answer. Pages check that the caller is staff.
/// </summary>
public sealed class AskExperts(AppDb db, TimeProvider time, NotifyExperts notify)
{
    public sealed record Asked(Guid? Id, List<PeopleProblem> Problems);

    public async Task<Asked> AskAsync(QuestionInput input, CancellationToken ct)
    {
        var title = input.Title?.Trim() ?? "";
        var body = input.Body?.Trim() ?? "";
        var skills = SkillName.List(input.Skills);
        var problems = new List<PeopleProblem>();
        if (title.Length == 0) problems.Add(PeopleProblem.TitleMissing);
        if (title.Length > ExpertQuestion.MaxTitle) problems.Add(PeopleProblem.TitleTooLong);
        if (body.Length > ExpertQuestion.MaxBody) problems.Add(PeopleProblem.BodyTooLong);
        if (skills.Count == 0) problems.Add(PeopleProblem.SkillsMissing);
        if (skills.Count > ExpertQuestion.MaxSkills) problems.Add(PeopleProblem.TooManyQuestionSkills);
        if (skills.Any(s => s.Length > ProfileSkill.MaxName)) problems.Add(PeopleProblem.SkillTooLong);
        if (skills.Any(s => !SkillName.IsValid(s))) problems.Add(PeopleProblem.SkillInvalid);
        if (problems.Count > 0)
            return new Asked(null, problems);

        var question = new ExpertQuestion { AskerId = input.AskerId, Title = title, Body = body, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Add(question);
        db.AddRange(skills.Select(s => new ExpertQuestionSkill { QuestionId = question.Id, Skill = s }));
        // Stored together: a question whose experts are never told cannot happen, nor a notice without question.
        notify.Queue(question.Id);
        await db.SaveChangesAsync(ct);
        return new Asked(question.Id, []);
    }

    public async Task<(Guid? Id, PeopleProblem? Problem)> AnswerAsync(Guid questionId, Guid authorId, string? rawBody, CancellationToken ct)
    {
        var body = rawBody?.Trim() ?? "";
        if (!await db.Set<ExpertQuestion>().AnyAsync(q => q.Id == questionId, ct)) return (null, PeopleProblem.NotFound);
        if (Refused(body) is { } problem) return (null, problem);
        var answer = new ExpertAnswer { QuestionId = questionId, AuthorId = authorId, Body = body, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Add(answer);
        await db.SaveChangesAsync(ct);
        return (answer.Id, null);
    }

    /// <summary>Why an answer's (trimmed) text cannot be stored; the same when it is written and when it is edited.</summary>
    internal static PeopleProblem? Refused(string body) =>
        body.Length == 0 ? PeopleProblem.AnswerMissing
        : body.Length > ExpertAnswer.MaxBody ? PeopleProblem.AnswerTooLong
        : null;

    /// <summary>Only the asker marks the best answer (one of this question's); marking another one moves the mark.</summary>
    public async Task<PeopleProblem?> MarkBestAsync(Guid questionId, Guid callerId, Guid answerId, CancellationToken ct)
    {
        var asker = await db.Set<ExpertQuestion>().Where(q => q.Id == questionId).Select(q => new { q.AskerId }).SingleOrDefaultAsync(ct);
        if (asker is null) return PeopleProblem.NotFound;
        if (asker.AskerId != callerId) return PeopleProblem.NotAllowed;
        if (!await db.Set<ExpertAnswer>().AnyAsync(a => a.Id == answerId && a.QuestionId == questionId, ct)) return PeopleProblem.NotFound;
        await db.Set<ExpertQuestion>().Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.BestAnswerId, answerId), ct);
        return null;
    }
}
