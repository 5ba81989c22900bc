using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Newsroom.Media;

namespace Rathausplatz.Features.Intranet.Documents;

public enum DocumentProblem { NotAllowed, NotFound, TitleMissing, TitleTooLong, FileMissing, TooLarge, UnknownType, DamagedImage, Busy }

/// <summary>
/// A member of a space (guests included) uploads a new document or a new version of one. The type is what the
/// bytes show (<see cref="DocumentFiles"/>); images also get a preview through the newsroom's image pipeline
/// (re-encoded, so no EXIF survives in it). The file itself is kept as uploaded, for download.
/// </summary>
public sealed class UploadDocument(AppDb db, TimeProvider time, IOptions<DocumentOptions> options)
{
    public sealed record Upload(System.IO.Stream Content, string? FileName);

    public sealed record Result(Guid? DocumentId, int Number, DocumentProblem? Problem)
    {
        public static Result Refused(DocumentProblem problem) => new(null, 0, problem);
    }

    public async Task<Result> NewAsync(SpaceAccess.View space, string? title, Upload? upload, CancellationToken ct)
    {
        if (!space.CanContribute)
            return Result.Refused(DocumentProblem.NotAllowed);
        title = title?.Trim() ?? "";
        if (title.Length == 0)
            return Result.Refused(DocumentProblem.TitleMissing);
        if (title.Length > SpaceDocument.MaxTitle)
            return Result.Refused(DocumentProblem.TitleTooLong);
        var (version, problem) = await ReadAsync(upload, ct);
        if (version is null)
            return Result.Refused(problem!.Value);
        var now = time.GetUtcNow().UtcDateTime;
        var document = new SpaceDocument { SpaceId = space.Space.Id, Title = title, CreatedById = space.Caller.UserId, CreatedAt = now, UpdatedAt = now };
        db.Add(document);
        version.DocumentId = document.Id;
        version.Number = 1;
        version.UploadedById = space.Caller.UserId;
        version.UploadedAt = now;
        db.Add(version);
        await db.SaveChangesAsync(ct);
        return new Result(document.Id, 1, null);
    }

    public async Task<Result> AddVersionAsync(SpaceAccess.View space, Guid documentId, Upload? upload, CancellationToken ct)
    {
        if (!space.CanContribute)
            return Result.Refused(DocumentProblem.NotAllowed);
        var document = await db.Set<SpaceDocument>().SingleOrDefaultAsync(d => d.Id == documentId && d.SpaceId == space.Space.Id, ct);
        if (document is null)
            return Result.Refused(DocumentProblem.NotFound);
        var (version, problem) = await ReadAsync(upload, ct);
        if (version is null)
            return Result.Refused(problem!.Value);
        var now = time.GetUtcNow().UtcDateTime;
        var last = await db.Set<DocumentVersion>().Where(v => v.DocumentId == documentId).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        version.DocumentId = documentId;
        version.Number = last + 1;
        version.UploadedById = space.Caller.UserId;
        version.UploadedAt = now;
        db.Add(version);
        document.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else's version took this number a moment ago (unique index): nothing of ours is stored.
            db.ChangeTracker.Clear();
            return Result.Refused(DocumentProblem.Busy);
        }
        return new Result(documentId, version.Number, null);
    }

    private async Task<(DocumentVersion?, DocumentProblem?)> ReadAsync(Upload? upload, CancellationToken ct)
    {
        if (upload is null)
            return (null, DocumentProblem.FileMissing);
        var bytes = await ReadAtMostAsync(upload.Content, options.Value.MaxBytes, ct);
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
        return (new DocumentVersion
        {
            FileName = DocumentFiles.SafeName(upload.FileName, kind),
            ContentType = kind.ContentType,
            Length = bytes.Length,
            Hash = ImageProcessor.HashOf(bytes),
            Bytes = bytes,
            Preview = preview,
        }, null);
    }

    /// <summary>The whole upload, or null once it passes <paramref name="limit"/> (the browser's word on the size is not trusted).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(System.IO.Stream content, long limit, CancellationToken ct)
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
}
