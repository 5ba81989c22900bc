using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Editing;

public enum UnpublishOutcome { Unpublished, NotPublished, NotFound }

/// <summary>An editor takes a published or scheduled post off the public pages; it stays for the record.</summary>
public sealed class UnpublishPost(AppDb db, TimeProvider time)
{
    public async Task<UnpublishOutcome> RunAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return UnpublishOutcome.NotFound;
        if (post.Status is not (PostStatus.Published or PostStatus.Scheduled))
            return UnpublishOutcome.NotPublished;
        var now = time.GetUtcNow().UtcDateTime;
        post.Status = PostStatus.Unpublished;
        post.UpdatedAt = now;
        PostLog.Audit(db, post, PostAction.Unpublished, actor, now);
        await db.SaveChangesAsync(ct);
        return UnpublishOutcome.Unpublished;
    }
}
