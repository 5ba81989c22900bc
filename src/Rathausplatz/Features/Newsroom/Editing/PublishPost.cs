using Rathausplatz.Data;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Newsroom.Editing;

public enum PublishOutcome { Published, Scheduled, NeedsReview, NotAllowed, NotFound }

/// <summary>
/// An editor publishes directly, where the organisation has no four-eyes review. A post with a
/// publish time in the future is scheduled; <see cref="PublishDuePosts"/> takes it live.
/// </summary>
public sealed class PublishPost(AppDb db, TimeProvider time, JobQueue jobs)
{
    public async Task<PublishOutcome> RunAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return PublishOutcome.NotFound;
        if (post.Status is not (PostStatus.Draft or PostStatus.Unpublished))
            return PublishOutcome.NotAllowed;
        if (await NewsroomSettingsReader.FourEyesAsync(db, ct))
            return PublishOutcome.NeedsReview;
        var outcome = await GoLiveAsync(db, jobs, post, actor, time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>
    /// Publishes now or schedules, and queues the due check for the publish and unpublish times
    /// (one job per post and time, so saving twice queues it once).
    /// </summary>
    internal static async Task<PublishOutcome> GoLiveAsync(AppDb db, JobQueue jobs, Post post, Actor actor, DateTime now, CancellationToken ct)
    {
        post.ReviewComment = null;
        post.UpdatedAt = now;
        if (post.PublishAt is { } at && at > now)
        {
            post.Status = PostStatus.Scheduled;
            await QueueDueCheckAsync(db, jobs, post, at, ct);
            PostLog.Audit(db, post, PostAction.Scheduled, actor, now);
        }
        else
        {
            post.Status = PostStatus.Published;
            post.PublishedAt = now;
            PostLog.Audit(db, post, PostAction.Published, actor, now);
            Delivery.QueueDeliveries.Schedule(jobs, post, now);
        }
        if (post.UnpublishAt is { } until && until > now)
            await QueueDueCheckAsync(db, jobs, post, until, ct);
        return post.Status == PostStatus.Scheduled ? PublishOutcome.Scheduled : PublishOutcome.Published;
    }

    // Published, pulled back and published again with the same times: the first job still covers it.
    private static async Task QueueDueCheckAsync(AppDb db, JobQueue jobs, Post post, DateTime at, CancellationToken ct)
    {
        var key = $"{PublishDuePosts.JobKind}:{post.Id:N}:{at.Ticks}";
        if (await db.Set<Job>().AnyAsync(j => j.IdempotencyKey == key, ct))
            return;
        jobs.Add(PublishDuePosts.JobKind, new { post.Id }, key, post.Type == PostType.Alert ? JobPriority.Alert : JobPriority.Normal, at);
    }
}

internal static class NewsroomSettingsReader
{
    public static Task<bool> FourEyesAsync(AppDb db, CancellationToken ct) =>
        db.Set<NewsroomSettings>().AnyAsync(s => s.FourEyesReview, ct);
}
