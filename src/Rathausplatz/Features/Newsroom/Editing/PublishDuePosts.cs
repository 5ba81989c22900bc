using Rathausplatz.Data;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Newsroom.Editing;

public sealed record DuePostsResult(int Published, int Unpublished);

/// <summary>
/// Takes scheduled posts live and published ones down when their time has come, by the injected
/// clock. Idempotent: it looks at times and states, not at which job woke it, so a late, repeated or
/// duplicate run changes nothing twice.
/// </summary>
public sealed class PublishDuePosts(AppDb db, TimeProvider time, JobQueue jobs)
{
    public const string JobKind = "publish-due-posts";

    public async Task<DuePostsResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<Post>()
            .Where(p => (p.Status == PostStatus.Scheduled && p.PublishAt <= now)
                || ((p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.UnpublishAt <= now))
            .ToListAsync(ct);
        int published = 0, unpublished = 0;
        foreach (var post in due)
        {
            if (post.UnpublishAt <= now)
            {
                post.Status = PostStatus.Unpublished;
                PostLog.Audit(db, post, PostAction.Unpublished, actor: null, now);
                unpublished++;
            }
            else
            {
                post.Status = PostStatus.Published;
                post.PublishedAt = post.PublishAt;
                PostLog.Audit(db, post, PostAction.Published, actor: null, now);
                Delivery.QueueDeliveries.Schedule(jobs, post, now);
                published++;
            }
            post.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return new(published, unpublished);
    }
}

/// <summary>Runs <see cref="PublishDuePosts"/> for the job's organisation.</summary>
public sealed class PublishDuePostsHandler(PublishDuePosts publishDuePosts) : IJobHandler
{
    public async Task RunAsync(Job job, CancellationToken ct) => await publishDuePosts.RunAsync(ct);
}
