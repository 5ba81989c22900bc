using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Editing;

namespace Rathausplatz.Features.Newsroom.Media;

public enum MediaOutcome { Added, NotFound, LiveUnderReview, TooLarge, NotAnImage, Damaged, TooManyPixels, NotAPdf }

public sealed record ImageText(string AltText, string? Caption, string? Credit);

/// <summary>
/// Adds an image to the end of a post's images. The file is checked by its bytes, decoded and
/// re-encoded (<see cref="ImageProcessor"/>); only the variants are stored. The alt text was checked by the page.
/// </summary>
public sealed class AddImage(AppDb db, TimeProvider time)
{
    public const long MaxBytes = 15 * 1024 * 1024;

    public async Task<MediaOutcome> RunAsync(Guid postId, ImageText text, Stream content, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null)
            return MediaOutcome.NotFound;
        if (await PostMediaRules.LockedAsync(db, post, ct))
            return MediaOutcome.LiveUnderReview;
        var upload = await PostMediaRules.ReadAsync(content, MaxBytes, ct);
        if (upload is null)
            return MediaOutcome.TooLarge;

        var processed = ImageProcessor.Process(upload);
        switch (processed.Problem)
        {
            case ImageProblem.NotAnImage: return MediaOutcome.NotAnImage;
            case ImageProblem.Damaged: return MediaOutcome.Damaged;
            case ImageProblem.TooManyPixels: return MediaOutcome.TooManyPixels;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var position = await db.Set<PostImage>().Where(i => i.PostId == postId).MaxAsync(i => (int?)i.Position, ct) ?? -1;
        db.Add(new PostImage
        {
            PostId = postId,
            Position = position + 1,
            AltText = text.AltText.Trim(),
            Caption = PostMediaRules.Blank(text.Caption),
            Credit = PostMediaRules.Blank(text.Credit),
            Width = processed.Width,
            Height = processed.Height,
            CreatedAt = now,
            Variants = processed.Variants!.Select(v => new PostImageVariant
            {
                Width = v.Width, Height = v.Height, ContentType = v.ContentType, Hash = v.Hash, Bytes = v.Bytes,
            }).ToList(),
        });
        PostMediaRules.Touch(db, post, actor, now);
        await db.SaveChangesAsync(ct);
        return MediaOutcome.Added;
    }
}
