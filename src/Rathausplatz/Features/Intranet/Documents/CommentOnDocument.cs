using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>A member of the space (guests included) comments on a document; Markdown, shown sanitised. Same rules as stream comments.</summary>
public sealed class CommentOnDocument(AppDb db, TimeProvider time)
{
    public async Task<WritePost.Result> RunAsync(SpaceAccess.View space, Guid documentId, string? body, CancellationToken ct)
    {
        var text = body?.Trim() ?? "";
        StreamProblem? problem = !space.CanContribute ? StreamProblem.NotAllowed
            : text.Length == 0 ? StreamProblem.BodyMissing
            : text.Length > DocumentComment.MaxBody ? StreamProblem.BodyTooLong
            : null;
        if (problem is not null)
            return new(null, problem);
        if (!await db.Set<SpaceDocument>().AnyAsync(d => d.Id == documentId && d.SpaceId == space.Space.Id, ct))
            return new(null, StreamProblem.NotFound);
        var comment = new DocumentComment { DocumentId = documentId, AuthorId = space.Caller.UserId, Body = text, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return new(comment.Id, null);
    }
}
