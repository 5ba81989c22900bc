using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Newsroom.Media;

/// <summary>
/// Adds a PDF to the end of a post's attachments. Only "%PDF-" at the start makes a file a PDF here;
/// it is stored as uploaded and always served as a download (see <see cref="MediaApi"/>).
/// </summary>
public sealed class AddAttachment(AppDb db, TimeProvider time)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public async Task<MediaOutcome> RunAsync(Guid postId, string title, Stream content, Actor actor, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null)
            return MediaOutcome.NotFound;
        if (await PostMediaRules.LockedAsync(db, post, ct))
            return MediaOutcome.LiveUnderReview;
        var upload = await PostMediaRules.ReadAsync(content, MaxBytes, ct);
        if (upload is null)
            return MediaOutcome.TooLarge;
        if (!IsPdf(upload))
            return MediaOutcome.NotAPdf;

        var now = time.GetUtcNow().UtcDateTime;
        var position = await db.Set<PostAttachment>().Where(a => a.PostId == postId).MaxAsync(a => (int?)a.Position, ct) ?? -1;
        title = title.Trim();
        db.Add(new PostAttachment
        {
            PostId = postId,
            Position = position + 1,
            Title = title,
            FileName = FileNameFor(title),
            Length = upload.Length,
            Hash = ImageProcessor.HashOf(upload),
            Bytes = upload,
            CreatedAt = now,
        });
        PostMediaRules.Touch(db, post, actor, now);
        await db.SaveChangesAsync(ct);
        return MediaOutcome.Added;
    }

    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    /// <summary>"Hausordnung der Stadthalle" → "hausordnung-der-stadthalle.pdf": the editor's file name may say more than the public should read.</summary>
    public static string FileNameFor(string title)
    {
        var slug = AddToStructure.Slug(title) ?? "dokument";
        return (slug.Length > 100 ? slug[..100].TrimEnd('-') : slug) + ".pdf";
    }
}
