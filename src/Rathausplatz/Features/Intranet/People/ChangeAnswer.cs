using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>
/// Authors edit and delete their own answers to an expert question; organisation admins delete other people's.
/// The rules are the stream's (<see cref="ChangePost"/>), with staff standing for the members of a space and admins
/// for its owners: questions belong to no space. Both go through the change tracker, so the question's search
/// entry (which holds its answers' words) follows in the same save.
/// </summary>
public sealed class ChangeAnswer(AppDb db)
{
    public static bool CanEdit(SpaceAccess.Caller caller, Guid? authorId) => ChangePost.CanEdit(caller, caller.Staff, authorId);

    public static bool CanDelete(SpaceAccess.Caller caller, Guid? authorId) => ChangePost.CanDelete(caller, caller.Staff, caller.Admin, authorId);

    public async Task<PeopleProblem?> EditAsync(SpaceAccess.Caller caller, Guid questionId, Guid answerId, string? rawBody, CancellationToken ct)
    {
        if (await FindAsync(questionId, answerId, ct) is not { } answer)
            return PeopleProblem.NotFound;
        if (!CanEdit(caller, answer.AuthorId))
            return PeopleProblem.NotAllowed;
        var body = rawBody?.Trim() ?? "";
        if (AskExperts.Refused(body) is { } problem)
            return problem;
        answer.Body = body;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A deleted best answer takes the asker's choice with it: the mark would point at nothing.</summary>
    public async Task<PeopleProblem?> DeleteAsync(SpaceAccess.Caller caller, Guid questionId, Guid answerId, CancellationToken ct)
    {
        if (await FindAsync(questionId, answerId, ct) is not { } answer)
            return PeopleProblem.NotFound;
        if (!CanDelete(caller, answer.AuthorId))
            return PeopleProblem.NotAllowed;
        var question = await db.Set<ExpertQuestion>().SingleAsync(q => q.Id == questionId, ct);
        if (question.BestAnswerId == answerId)
            question.BestAnswerId = null;
        db.Remove(answer);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private Task<ExpertAnswer?> FindAsync(Guid questionId, Guid answerId, CancellationToken ct) =>
        db.Set<ExpertAnswer>().SingleOrDefaultAsync(a => a.Id == answerId && a.QuestionId == questionId, ct);
}
