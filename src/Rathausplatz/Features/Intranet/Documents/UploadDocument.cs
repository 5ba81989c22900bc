using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

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
        var (file, problem) = await UploadedFile.ReadAsync(upload is null ? null : new(upload.Content, upload.FileName), options.Value.MaxBytes, ct);
        if (file is null)
            return (null, problem);
        return (new DocumentVersion
        {
            FileName = file.FileName,
            ContentType = file.ContentType,
            Length = file.Length,
            Hash = file.Hash,
            Bytes = file.Bytes,
            Preview = file.Preview,
        }, null);
    }
}
