using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// Authors edit and delete their own comments on a document; owners of the space and organisation admins delete
/// other people's, with an entry in the space's moderation log. The rules are the stream's (<see cref="ChangePost"/>).
/// Both go through the change tracker, so the search index follows in the same save.
/// </summary>
public sealed class ChangeDocumentComment(AppDb db, TimeProvider time)
{
    public async Task<StreamProblem?> EditAsync(SpaceAccess.View space, Guid documentId, Guid commentId, string? body, CancellationToken ct)
    {
        if (await FindAsync(space, documentId, commentId, ct) is not { } comment)
            return StreamProblem.NotFound;
        var text = body?.Trim() ?? "";
        if ((ChangePost.CanEdit(space, comment.AuthorId) ? WritePost.Refused(space, text, DocumentComment.MaxBody) : StreamProblem.NotAllowed) is { } problem)
            return problem;
        comment.Body = text;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<StreamProblem?> DeleteAsync(SpaceAccess.View space, Guid documentId, Guid commentId, CancellationToken ct)
    {
        if (await FindAsync(space, documentId, commentId, ct) is not { } comment)
            return StreamProblem.NotFound;
        if (!ChangePost.CanDelete(space, comment.AuthorId))
            return StreamProblem.NotAllowed;
        if (comment.AuthorId != space.Caller.UserId)
            db.Add(StreamModerationEntry.Of(space, documentId, comment.Id, StreamRemoval.DocumentComment, comment.AuthorId, time.GetUtcNow().UtcDateTime));
        db.Remove(comment);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private Task<DocumentComment?> FindAsync(SpaceAccess.View space, Guid documentId, Guid commentId, CancellationToken ct) =>
        db.Set<DocumentComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.DocumentId == documentId
            && db.Set<SpaceDocument>().Any(d => d.Id == documentId && d.SpaceId == space.Space.Id), ct);
}
