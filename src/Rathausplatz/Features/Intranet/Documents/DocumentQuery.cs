using System.Globalization;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>Documents of a space, their versions and comments as the pages show them: never the bytes.</summary>
public sealed class DocumentQuery(AppDb db, MarkdownRenderer markdown)
{
    public sealed record DocumentView(Guid Id, string Title, int Versions, DateTime UpdatedAt, VersionView Latest);

    public sealed record VersionView(int Number, string FileName, string ContentType, long Length, string? UploadedBy, DateTime UploadedAt, bool HasImagePreview)
    {
        public bool IsPdf => ContentType == "application/pdf";

        /// <summary>"1,4 MB" on German pages, "1.4 MB" on English ones (decimal units, as file managers show them).</summary>
        public string Size => Length switch
        {
            < 1000 => $"{Length} B",
            < 1_000_000 => $"{Math.Max(1, Math.Round(Length / 1000.0)).ToString("0", CultureInfo.CurrentCulture)} KB",
            _ => $"{(Length / 1_000_000.0).ToString("0.0", CultureInfo.CurrentCulture)} MB",
        };
    }

    public sealed record CommentView(Guid Id, Guid? AuthorId, string? Author, DateTime CreatedAt, string Html);

    /// <summary>A comment as its edit form needs it: who wrote it, its Markdown, and the document's title.</summary>
    public sealed record CommentText(Guid? AuthorId, string Body, string DocumentTitle);

    public async Task<List<DocumentView>> ListAsync(Guid spaceId, CancellationToken ct)
    {
        var documents = await db.Set<SpaceDocument>().AsNoTracking().Where(d => d.SpaceId == spaceId)
            .OrderByDescending(d => d.UpdatedAt).Select(d => new { d.Id, d.Title, d.UpdatedAt }).ToListAsync(ct);
        var ids = documents.Select(d => d.Id).ToList();
        var versions = await Versions(db.Set<DocumentVersion>().Where(v => ids.Contains(v.DocumentId))).ToListAsync(ct);
        return documents.Select(d =>
        {
            var mine = versions.Where(v => v.DocumentId == d.Id).ToList();
            return new DocumentView(d.Id, d.Title, mine.Count, d.UpdatedAt, mine.MaxBy(v => v.View.Number)!.View);
        }).ToList();
    }

    public async Task<(string Title, Guid? CreatedById, List<VersionView> Versions)?> FindAsync(Guid spaceId, Guid documentId, CancellationToken ct)
    {
        var document = await db.Set<SpaceDocument>().Where(d => d.Id == documentId && d.SpaceId == spaceId)
            .Select(d => new { d.Title, d.CreatedById }).SingleOrDefaultAsync(ct);
        if (document is null)
            return null;
        var versions = await Versions(db.Set<DocumentVersion>().Where(v => v.DocumentId == documentId)).ToListAsync(ct);
        return (document.Title, document.CreatedById, versions.Select(v => v.View).OrderByDescending(v => v.Number).ToList());
    }

    public async Task<List<CommentView>> CommentsAsync(Guid documentId, CancellationToken ct) =>
        (await (from c in db.Set<DocumentComment>().AsNoTracking()
                where c.DocumentId == documentId
                join u in db.Users on c.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                orderby c.CreatedAt
                select new { c.Id, c.AuthorId, Author = u == null ? null : u.DisplayName, c.CreatedAt, c.Body }).ToListAsync(ct))
        .Select(c => new CommentView(c.Id, c.AuthorId, c.Author, c.CreatedAt, markdown.ToSafeHtml(c.Body))).ToList();

    public Task<CommentText?> CommentAsync(Guid spaceId, Guid documentId, Guid commentId, CancellationToken ct) =>
        (from c in db.Set<DocumentComment>().AsNoTracking()
         join d in db.Set<SpaceDocument>() on c.DocumentId equals d.Id
         where c.Id == commentId && c.DocumentId == documentId && d.SpaceId == spaceId
         select new CommentText(c.AuthorId, c.Body, d.Title)).SingleOrDefaultAsync(ct);

    /// <summary>The bytes of one version of a document of this space (the file, or its image preview), with how to serve them.</summary>
    public Task<FileRow?> FileAsync(Guid spaceId, Guid documentId, int number, bool preview, CancellationToken ct) =>
        (from v in db.Set<DocumentVersion>().AsNoTracking()
         join d in db.Set<SpaceDocument>() on v.DocumentId equals d.Id
         where d.SpaceId == spaceId && v.DocumentId == documentId && v.Number == number
         select new FileRow(v.FileName, v.ContentType, preview ? v.Preview : v.Bytes, v.Hash)).SingleOrDefaultAsync(ct);

    public sealed record FileRow(string FileName, string ContentType, byte[]? Bytes, string Hash);

    private sealed record VersionRow(Guid DocumentId, VersionView View);

    private IQueryable<VersionRow> Versions(IQueryable<DocumentVersion> versions) =>
        from v in versions.AsNoTracking()
        join u in db.Users on v.UploadedById equals u.Id into uploaders
        from u in uploaders.DefaultIfEmpty()
        select new VersionRow(v.DocumentId, new VersionView(v.Number, v.FileName, v.ContentType, v.Length, u == null ? null : u.DisplayName, v.UploadedAt, v.Preview != null));
}
