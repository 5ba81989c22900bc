using Rathausplatz.Data;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Newsroom.Editing;

public enum ApproveOutcome { Published, Scheduled, OwnPost, NotInReview, NotFound }

/// <summary>
/// The second pair of eyes: another editor approves a submitted post, which then goes live (or is
/// scheduled). Neither its author nor whoever submitted it may approve it.
/// </summary>
public sealed class ApprovePost(AppDb db, TimeProvider time, JobQueue jobs)
{
    public async Task<ApproveOutcome> RunAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return ApproveOutcome.NotFound;
        if (post.Status != PostStatus.InReview)
            return ApproveOutcome.NotInReview;
        if (post.CreatedById == actor.Id || post.SubmittedById == actor.Id)
            return ApproveOutcome.OwnPost;
        var now = time.GetUtcNow().UtcDateTime;
        PostLog.Audit(db, post, PostAction.Approved, actor, now);
        var outcome = await PublishPost.GoLiveAsync(db, jobs, post, actor, now, ct);
        await db.SaveChangesAsync(ct);
        return outcome == PublishOutcome.Scheduled ? ApproveOutcome.Scheduled : ApproveOutcome.Published;
    }
}
