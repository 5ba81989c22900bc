using Microsoft.Net.Http.Headers;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// A version of a document, for those who may read the space (404 when they may not see it, 403 when they see but
/// may not read it; the same answers as the space's other pages). Always a download (Content-Disposition:
/// attachment), except the preview: a PDF inline, to be framed by our own document page only, or an image's
/// re-encoded preview. Never cached by shared caches; nosniff, so a browser keeps to the type the bytes showed.
/// </summary>
public sealed class FileModel(SpaceAccess access, DocumentQuery documents) : DocumentPageModel(access)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, int number, string? view, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        var preview = view == "vorschau";
        if (view is not null && !preview)
            return NotFound();
        // A preview of an image is its re-encoded JPEG; of a PDF the file itself; other files have none.
        if (await documents.FileAsync(id, documentId, number, preview, ct) is not { } file)
            return NotFound();
        if (preview && file.ContentType == "application/pdf")
            file = await documents.FileAsync(id, documentId, number, preview: false, ct);
        if (file?.Bytes is not { } bytes)
            return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        if (!preview)
            return File(bytes, file.ContentType, file.FileName);

        var disposition = new ContentDispositionHeaderValue("inline");
        var pdf = file.ContentType == "application/pdf";
        disposition.SetHttpFileName(pdf ? file.FileName : Path.ChangeExtension(file.FileName, "jpg"));
        Response.Headers.ContentDisposition = disposition.ToString();
        if (pdf)
            SecurityHeaders.AllowFramingBySelf(HttpContext);
        return File(bytes, pdf ? "application/pdf" : "image/jpeg");
    }
}
