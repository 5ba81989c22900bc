using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Events;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Newsroom.Editing;

public enum SaveOutcome { Saved, SlugTaken, NotFound, LiveUnderReview }

public sealed record SavePostResult(SaveOutcome Outcome, Guid PostId = default);

/// <summary>
/// Creates a draft or stores changes, with a revision and an audit row. The form was checked by the
/// page (<see cref="PostForm.ProblemsFor"/>); here only what needs the database: the slug.
/// Without review, editing a published post changes it in place. Under four-eyes review a live or
/// scheduled post is not changed unseen: it has to be pulled back and go through review again.
/// </summary>
public sealed class SavePost(AppDb db, TimeProvider time, JobQueue jobs)
{
    public async Task<SavePostResult> CreateAsync(PostType type, PostForm form, Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? AddToStructure.Slug(form.Title) ?? "beitrag" : form.Slug;
        if (slug.Length > 90)
            slug = slug[..90].TrimEnd('-');
        if (string.IsNullOrWhiteSpace(form.Slug))
            slug = await FreeSlugAsync(slug, ct);
        else if (await db.Set<Post>().AnyAsync(p => p.Slug == slug, ct))
            return new(SaveOutcome.SlugTaken);

        var post = new Post { Type = type, Slug = slug, Status = PostStatus.Draft, CreatedById = actor.Id, CreatedByName = actor.Name, CreatedAt = now, UpdatedAt = now };
        form.CopyTo(post);
        await SetStructureAsync(post, form, ct);
        await PlanOccurrencesAsync(post, now, ct);
        db.Add(post);
        PostLog.Revision(db, post, form, actor, now);
        PostLog.Audit(db, post, PostAction.Created, actor, now);
        return await SaveAsync(post, ct);
    }

    /// <summary>Stores changes; a restore passes <see cref="PostAction.Restored"/> and which version it brought back.</summary>
    public async Task<SavePostResult> UpdateAsync(Guid id, PostForm form, Actor actor, CancellationToken ct,
        PostAction action = PostAction.Edited, string? comment = null)
    {
        var post = await db.Set<Post>().Include(p => p.Topics).Include(p => p.Districts).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return new(SaveOutcome.NotFound);
        if (post.Status is PostStatus.Published or PostStatus.Scheduled && await NewsroomSettingsReader.FourEyesAsync(db, ct))
            return new(SaveOutcome.LiveUnderReview, id);
        if (!string.IsNullOrWhiteSpace(form.Slug) && form.Slug != post.Slug)
        {
            if (await db.Set<Post>().AnyAsync(p => p.Slug == form.Slug && p.Id != id, ct))
                return new(SaveOutcome.SlugTaken, id);
            post.Slug = form.Slug;
        }
        var now = time.GetUtcNow().UtcDateTime;
        form.CopyTo(post);
        await SetStructureAsync(post, form, ct);
        await PlanOccurrencesAsync(post, now, ct);
        post.UpdatedAt = now;
        PostLog.Revision(db, post, form, actor, now);
        PostLog.Audit(db, post, action, actor, now, comment);
        return await SaveAsync(post, ct);
    }

    private async Task PlanOccurrencesAsync(Post post, DateTime now, CancellationToken ct)
    {
        EventRecurrence.Recompute(post, now);
        await AdvanceEventOccurrences.QueueAsync(db, jobs, post, ct);
    }

    // The query filter keeps ids of another organisation out, whatever the form sent.
    private async Task SetStructureAsync(Post post, PostForm form, CancellationToken ct)
    {
        post.Topics = await db.Set<Topic>().Where(t => form.TopicIds.Contains(t.Id)).ToListAsync(ct);
        post.Districts = await db.Set<District>().Where(d => form.DistrictIds.Contains(d.Id)).ToListAsync(ct);
    }

    private async Task<string> FreeSlugAsync(string slug, CancellationToken ct)
    {
        var taken = await db.Set<Post>().Where(p => p.Slug == slug || p.Slug.StartsWith(slug + "-")).Select(p => p.Slug).ToListAsync(ct);
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
            candidate = $"{slug}-{n}";
        return candidate;
    }

    private async Task<SavePostResult> SaveAsync(Post post, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new(SaveOutcome.Saved, post.Id);
        }
        catch (DbUpdateException)
        {
            // Another editor took the slug between our check and our write; the unique index decided.
            return new(SaveOutcome.SlugTaken, post.Id);
        }
    }
}
