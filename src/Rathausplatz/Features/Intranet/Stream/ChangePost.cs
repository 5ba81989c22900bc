using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>
/// Authors edit and delete their own posts and comments (while they belong to the space). Owners of the space and
/// organisation admins may delete other people's posts and comments as moderation; each such deletion leaves a
/// <see cref="StreamModerationEntry"/>. Nobody edits someone else's words.
/// </summary>
public sealed class ChangePost(AppDb db, WritePost writing, InAppNotices notices, TimeProvider time)
{
    public sealed record Edited(StreamProblem? Problem, List<StreamMention> NewlyMentioned);

    /// <summary>What the caller may do with a piece of text written by <paramref name="authorId"/>.</summary>
    public static bool CanEdit(SpaceAccess.View space, Guid? authorId) => CanEdit(space.Caller, space.CanContribute, authorId);

    public static bool CanDelete(SpaceAccess.View space, Guid? authorId) => CanDelete(space.Caller, space.CanContribute, space.CanManage, authorId);

    /// <summary>
    /// The same rule for texts outside a space (answers to expert questions): <paramref name="mayWrite"/> stands for
    /// belonging to the space, <c>moderates</c> for managing it.
    /// </summary>
    public static bool CanEdit(SpaceAccess.Caller caller, bool mayWrite, Guid? authorId) => mayWrite && authorId == caller.UserId;

    public static bool CanDelete(SpaceAccess.Caller caller, bool mayWrite, bool moderates, Guid? authorId) =>
        CanEdit(caller, mayWrite, authorId) || moderates;

    public async Task<Edited> EditPostAsync(SpaceAccess.View space, Guid postId, string? body, CancellationToken ct)
    {
        var post = await db.Set<StreamPost>().SingleOrDefaultAsync(p => p.Id == postId && p.SpaceId == space.Space.Id, ct);
        if (post is null)
            return new Edited(StreamProblem.NotFound, []);
        var text = body?.Trim() ?? "";
        if ((CanEdit(space, post.AuthorId) ? WritePost.Refused(space, text, StreamPost.MaxBody) : StreamProblem.NotAllowed) is { } problem)
            return new Edited(problem, []);
        var now = time.GetUtcNow().UtcDateTime;
        post.Body = text;
        post.EditedAt = now;
        // Tags and mentions follow the new text: tags anew; mentions kept for who is still named (their notice stays
        // valid), dropped for who is not, added for who is new.
        await db.Set<StreamTag>().Where(t => t.PostId == postId).ExecuteDeleteAsync(ct);
        var stillNamed = await writing.MentionedMembersAsync(space.Space.Id, text, ct);
        await db.Set<StreamMention>().Where(m => m.PostId == postId && !stillNamed.Contains(m.UserId)).ExecuteDeleteAsync(ct);
        var kept = await db.Set<StreamMention>().Where(m => m.PostId == postId).Select(m => m.UserId).ToListAsync(ct);
        var added = await writing.ResolveAsync(space, postId, text, kept, now, ct);
        await db.SaveChangesAsync(ct);
        return new Edited(null, added);
    }

    public async Task<StreamProblem?> EditCommentAsync(SpaceAccess.View space, Guid postId, Guid commentId, string? body, CancellationToken ct)
    {
        if (await FindCommentAsync(space, postId, commentId, ct) is not { } comment)
            return StreamProblem.NotFound;
        var text = body?.Trim() ?? "";
        if ((CanEdit(space, comment.AuthorId) ? WritePost.Refused(space, text, StreamComment.MaxBody) : StreamProblem.NotAllowed) is { } problem)
            return problem;
        comment.Body = text;
        comment.EditedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Deletes the post; comments, reactions, tags, mentions, read confirmations and attached files (rows and bytes) go with it (cascade).</summary>
    public async Task<StreamProblem?> DeletePostAsync(SpaceAccess.View space, Guid postId, CancellationToken ct)
    {
        var post = await db.Set<StreamPost>().SingleOrDefaultAsync(p => p.Id == postId && p.SpaceId == space.Space.Id, ct);
        if (post is null)
            return StreamProblem.NotFound;
        if (!CanDelete(space, post.AuthorId))
            return StreamProblem.NotAllowed;
        if (post.AuthorId != space.Caller.UserId)
            Audit(space, post.Id, null, StreamRemoval.Post, post.AuthorId);
        // Its notices would lead nowhere: the must-read notice (event: the post) and the mention notices.
        var mentions = await db.Set<StreamMention>().Where(m => m.PostId == postId).Select(m => m.Id).ToListAsync(ct);
        await notices.RemoveAsync([postId, .. mentions], ct);
        // Loaded so that they are deleted through the change tracker: the search index then forgets them too.
        await db.Set<StreamComment>().Where(c => c.PostId == postId).LoadAsync(ct);
        db.Remove(post);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<StreamProblem?> DeleteCommentAsync(SpaceAccess.View space, Guid postId, Guid commentId, CancellationToken ct)
    {
        if (await FindCommentAsync(space, postId, commentId, ct) is not { } comment)
            return StreamProblem.NotFound;
        if (!CanDelete(space, comment.AuthorId))
            return StreamProblem.NotAllowed;
        if (comment.AuthorId != space.Caller.UserId)
            Audit(space, postId, comment.Id, StreamRemoval.Comment, comment.AuthorId);
        db.Remove(comment);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private Task<StreamComment?> FindCommentAsync(SpaceAccess.View space, Guid postId, Guid commentId, CancellationToken ct) =>
        db.Set<StreamComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.PostId == postId
            && db.Set<StreamPost>().Any(p => p.Id == postId && p.SpaceId == space.Space.Id), ct);

    private void Audit(SpaceAccess.View space, Guid postId, Guid? commentId, StreamRemoval removed, Guid? authorId) =>
        db.Add(StreamModerationEntry.Of(space, postId, commentId, removed, authorId, time.GetUtcNow().UtcDateTime));
}
