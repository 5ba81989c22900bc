using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Editing;

namespace Rathausplatz.Features.Newsroom.Media;

/// <summary>What adding, moving and removing images and attachments share.</summary>
internal static class PostMediaRules
{
    /// <summary>
    /// The rule of <see cref="SavePost"/>: under four-eyes review a live or scheduled post is not changed
    /// unseen, and a new image is as much a change as a new sentence.
    /// </summary>
    public static async Task<bool> LockedAsync(AppDb db, Post post, CancellationToken ct) =>
        post.Status is PostStatus.Published or PostStatus.Scheduled && await NewsroomSettingsReader.FourEyesAsync(db, ct);

    /// <summary>The whole upload, or null once it passes <paramref name="limit"/> (the browser's word on the size is not trusted).</summary>
    public static async Task<byte[]?> ReadAsync(Stream content, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The post changed: feeds and caches see a new time, the audit an edit.</summary>
    public static void Touch(AppDb db, Post post, Actor actor, DateTime now)
    {
        post.UpdatedAt = now;
        PostLog.Audit(db, post, PostAction.Edited, actor, now);
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
