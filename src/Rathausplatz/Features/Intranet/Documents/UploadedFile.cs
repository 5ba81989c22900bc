using Rathausplatz.Features.Newsroom.Media;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// An upload read, checked and described the way documents accept files: at most the configured size, a type the
/// bytes show (<see cref="DocumentFiles"/>), a harmless name, and for images a re-encoded preview without EXIF.
/// Shared by documents and the stream's attachments, so both accept exactly the same files.
/// </summary>
public sealed record UploadedFile(string FileName, string ContentType, long Length, string Hash, byte[] Bytes, byte[]? Preview)
{
    public sealed record Upload(System.IO.Stream Content, string? FileName);

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    public static async Task<(UploadedFile? File, DocumentProblem? Problem)> ReadAsync(Upload? upload, long maxBytes, CancellationToken ct)
    {
        if (upload is null)
            return (null, DocumentProblem.FileMissing);
        var bytes = await PostMediaRules.ReadAsync(upload.Content, maxBytes, ct);
        if (bytes is null)
            return (null, DocumentProblem.TooLarge);
        if (bytes.Length == 0)
            return (null, DocumentProblem.FileMissing);
        if (DocumentFiles.Sniff(bytes, upload.FileName) is not { } kind)
            return (null, DocumentProblem.UnknownType);
        byte[]? preview = null;
        if (kind.IsImage)
        {
            var processed = ImageProcessor.Process(bytes);
            if (processed.Problem != ImageProblem.None)
                return (null, DocumentProblem.DamagedImage);
            var jpegs = processed.Variants!.Where(v => v.ContentType == "image/jpeg").ToList();
            preview = (jpegs.LastOrDefault(v => v.Width <= 960) ?? jpegs[0]).Bytes;
        }
        return (new UploadedFile(DocumentFiles.SafeName(upload.FileName, kind), kind.ContentType, bytes.Length,
            ImageProcessor.HashOf(bytes), bytes, preview), null);
    }
}
