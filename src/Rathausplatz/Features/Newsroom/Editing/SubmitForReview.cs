using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Editing;

public enum SubmitOutcome { Submitted, NotAllowed, NotFound }

/// <summary>Under four-eyes review an editor hands a draft to the others; any of them but the author may approve it.</summary>
public sealed class SubmitForReview(AppDb db, TimeProvider time)
{
    public async Task<SubmitOutcome> RunAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return SubmitOutcome.NotFound;
        if (post.Status is not (PostStatus.Draft or PostStatus.Unpublished))
            return SubmitOutcome.NotAllowed;
        var now = time.GetUtcNow().UtcDateTime;
        post.Status = PostStatus.InReview;
        post.SubmittedById = actor.Id;
        post.UpdatedAt = now;
        PostLog.Audit(db, post, PostAction.Submitted, actor, now);
        await db.SaveChangesAsync(ct);
        return SubmitOutcome.Submitted;
    }
}
