using Rathausplatz.Features.Intranet.Documents;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>
/// A file attached to a post, for those who may read the space: the same check and answers as the space's pages and
/// its documents (404 where the space is hidden from the caller, 403 where it is seen but not read, sign-in for
/// anonymous visitors). Always a download; "vorschau" of an image is its re-encoded JPEG (what the stream shows).
/// </summary>
public sealed class AttachmentModel(SpaceAccess access, StreamQuery stream) : DocumentPageModel(access)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid postId, Guid attachmentId, string? view, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        var preview = view == "vorschau";
        if (view is not null && !preview)
            return NotFound();
        if (await stream.AttachmentAsync(id, postId, attachmentId, ct) is not { } file)
            return NotFound();
        if (preview && file.Preview is null)
            return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return preview
            ? File(file.Preview!, "image/jpeg")
            : File(file.Bytes, file.ContentType, file.FileName);
    }
}
