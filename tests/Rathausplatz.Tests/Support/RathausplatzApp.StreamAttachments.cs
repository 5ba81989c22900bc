using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Tests.Support;

public static class TestSpaceAttachments
{
    public static string AttachmentPath(this TestSpace space, Guid postId, Guid attachmentId) => $"{space.PostPath(postId)}/anhaenge/{attachmentId}";
}

public abstract partial class RathausplatzApp
{
    /// <summary>A file written straight into the table beside a post (for matrices); with a preview when <paramref name="preview"/> is given.</summary>
    public async Task<Guid> AddStreamAttachmentAsync(TestSpace space, Guid postId, string fileName, string contentType, byte[] bytes, byte[]? preview = null)
    {
        await using var scope = InOrganization(space.Organization);
        var attachment = new StreamAttachment
        {
            PostId = postId,
            FileName = fileName,
            ContentType = contentType,
            Length = bytes.Length,
            Hash = "0000000000000000",
            Bytes = bytes,
            Preview = preview,
        };
        scope.Db.Add(attachment);
        await scope.Db.SaveChangesAsync();
        return attachment.Id;
    }

    /// <summary>Every file stored for posts of the space's organisation whose post is in <paramref name="space"/> or gone: rows as stored, bytes included.</summary>
    public async Task<List<StreamAttachment>> StreamAttachmentsAsync(TestSpace space)
    {
        await using var scope = InOrganization(space.Organization);
        return await scope.Db.Set<StreamAttachment>().AsNoTracking().OrderBy(a => a.PostId).ThenBy(a => a.Position).ToListAsync();
    }
}
