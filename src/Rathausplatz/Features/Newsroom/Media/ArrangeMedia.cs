using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Editing;

namespace Rathausplatz.Features.Newsroom.Media;

public enum MediaKind { Image, Attachment }

public enum ArrangeOutcome { Done, NotFound, LiveUnderReview }

/// <summary>Moves an image or attachment one place up or down, or removes it (its variants go with it).</summary>
public sealed class ArrangeMedia(AppDb db, TimeProvider time)
{
    public async Task<ArrangeOutcome> MoveAsync(Guid postId, MediaKind kind, Guid itemId, int direction, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null)
            return ArrangeOutcome.NotFound;
        if (await PostMediaRules.LockedAsync(db, post, ct))
            return ArrangeOutcome.LiveUnderReview;
        var items = kind == MediaKind.Image
            ? (await db.Set<PostImage>().Where(i => i.PostId == postId).OrderBy(i => i.Position).ToListAsync(ct)).Select(i => new Slot(i.Id, p => i.Position = p)).ToList()
            : (await db.Set<PostAttachment>().Where(a => a.PostId == postId).OrderBy(a => a.Position).ToListAsync(ct)).Select(a => new Slot(a.Id, p => a.Position = p)).ToList();
        var index = items.FindIndex(s => s.Id == itemId);
        if (index < 0)
            return ArrangeOutcome.NotFound;
        var target = Math.Clamp(index + Math.Sign(direction), 0, items.Count - 1);
        var moved = items[index];
        items.RemoveAt(index);
        items.Insert(target, moved);
        // Numbered afresh, so gaps left by removals never make a move look like nothing happened.
        for (var position = 0; position < items.Count; position++)
            items[position].SetPosition(position);
        PostMediaRules.Touch(db, post, actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ArrangeOutcome.Done;
    }

    public async Task<ArrangeOutcome> RemoveAsync(Guid postId, MediaKind kind, Guid itemId, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null)
            return ArrangeOutcome.NotFound;
        if (await PostMediaRules.LockedAsync(db, post, ct))
            return ArrangeOutcome.LiveUnderReview;
        var removed = kind == MediaKind.Image
            ? await db.Set<PostImage>().Where(i => i.PostId == postId && i.Id == itemId).ExecuteDeleteAsync(ct)
            : await db.Set<PostAttachment>().Where(a => a.PostId == postId && a.Id == itemId).ExecuteDeleteAsync(ct);
        if (removed == 0)
            return ArrangeOutcome.NotFound;
        PostMediaRules.Touch(db, post, actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ArrangeOutcome.Done;
    }

    private sealed record Slot(Guid Id, Action<int> SetPosition);
}

/// <summary>Changes the texts of an image (a better alt text needs no new upload).</summary>
public sealed class DescribeImage(AppDb db, TimeProvider time)
{
    public async Task<ArrangeOutcome> RunAsync(Guid postId, Guid imageId, ImageText text, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == postId, ct);
        var image = await db.Set<PostImage>().SingleOrDefaultAsync(i => i.Id == imageId && i.PostId == postId, ct);
        if (post is null || image is null)
            return ArrangeOutcome.NotFound;
        if (await PostMediaRules.LockedAsync(db, post, ct))
            return ArrangeOutcome.LiveUnderReview;
        image.AltText = text.AltText.Trim();
        image.Caption = PostMediaRules.Blank(text.Caption);
        image.Credit = PostMediaRules.Blank(text.Credit);
        PostMediaRules.Touch(db, post, actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ArrangeOutcome.Done;
    }
}
