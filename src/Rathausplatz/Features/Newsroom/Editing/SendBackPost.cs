using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Editing;

public enum SendBackOutcome { SentBack, NotInReview, NotFound }

/// <summary>A reviewer returns a submitted post to its draft state with a comment for the author.</summary>
public sealed class SendBackPost(AppDb db, TimeProvider time)
{
    public async Task<SendBackOutcome> RunAsync(Guid id, string comment, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return SendBackOutcome.NotFound;
        if (post.Status != PostStatus.InReview)
            return SendBackOutcome.NotInReview;
        var now = time.GetUtcNow().UtcDateTime;
        post.Status = PostStatus.Draft;
        post.ReviewComment = comment.Trim();
        post.SubmittedById = null;
        post.UpdatedAt = now;
        PostLog.Audit(db, post, PostAction.SentBack, actor, now, post.ReviewComment);
        await db.SaveChangesAsync(ct);
        return SendBackOutcome.SentBack;
    }
}
