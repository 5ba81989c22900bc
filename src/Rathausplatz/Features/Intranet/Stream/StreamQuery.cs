using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>
/// Reads streams: newest first, paged by a keyset cursor (time and id of the last post shown), so a page
/// costs the same however far back it is and a new post does not shift the next page. Callers pass only
/// spaces the person may read (<see cref="SpaceAccess"/>).
/// </summary>
public sealed class StreamQuery(AppDb db, StreamText text)
{
    public const int PageSize = 20;

    public sealed record PostView(Guid Id, Guid SpaceId, string SpaceTitle, Guid? AuthorId, string? Author, string Html, DateTime CreatedAt,
        int Comments, int Likes, int Helpful, DateTime? EditedAt, DateTime? MustReadSince, IReadOnlyList<AttachmentView> Attachments)
    {
        public string Path => $"/intranet/raeume/{SpaceId}/beitraege/{Id}";

        public string AttachmentPath(AttachmentView attachment) => $"{Path}/anhaenge/{attachment.Id}";
    }

    /// <summary>A file of a post, without its bytes: images show their preview, other files a link.</summary>
    public sealed record AttachmentView(Guid Id, Guid PostId, string FileName, string ContentType, long Length, bool HasPreview);

    public sealed record CommentView(Guid Id, Guid? AuthorId, string? Author, string Html, DateTime CreatedAt, DateTime? EditedAt, string Body);

    /// <summary>Where the next page starts; written into links as "ticks-id".</summary>
    public sealed record Cursor(DateTime At, Guid Id)
    {
        public string Encode() => $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}-{Id:N}";

        public static Cursor? Decode(string? value)
        {
            var parts = value?.Split('-');
            return parts is [var ticks, var id] && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && t >= DateTime.MinValue.Ticks && t <= DateTime.MaxValue.Ticks && Guid.TryParseExact(id, "N", out var g)
                ? new Cursor(new DateTime(t, DateTimeKind.Utc), g) : null;
        }
    }

    public async Task<(List<PostView> Posts, Cursor? Next)> PageAsync(IReadOnlyCollection<Guid> spaceIds, string? tag, Cursor? after, CancellationToken ct)
    {
        var posts = db.Set<StreamPost>().AsNoTracking().Where(p => spaceIds.Contains(p.SpaceId));
        if (!string.IsNullOrEmpty(tag))
        {
            var wanted = tag.ToLowerInvariant();
            posts = posts.Where(p => db.Set<StreamTag>().Any(t => t.PostId == p.Id && t.Tag == wanted));
        }
        if (after is not null)
            posts = posts.Where(p => p.CreatedAt < after.At || (p.CreatedAt == after.At && p.Id.CompareTo(after.Id) < 0));
        // Ids first, then the details of just those: with the counts and names in the same statement, PostgreSQL
        // computed them for every candidate row before sorting (275 ms instead of a few for 200,000 posts).
        var ids = string.IsNullOrEmpty(tag) && db.Database.IsNpgsql()
            ? await NewestPerSpaceAsync(spaceIds, after, ct)
            : await posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(PageSize + 1).Select(p => p.Id).ToListAsync(ct);
        var page = (await Project(db.Set<StreamPost>().AsNoTracking().Where(p => ids.Contains(p.Id)), ct))
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToList();
        var next = page.Count > PageSize ? new Cursor(page[PageSize - 1].CreatedAt, page[PageSize - 1].Id) : null;
        return (page.Take(PageSize).ToList(), next);
    }

    /// <summary>
    /// The newest posts across several spaces on PostgreSQL: the newest few of each space from the stream index, then
    /// the newest of those. One index range per space instead of sorting every post of all of them (the own stream of
    /// someone in ten busy spaces: 1 ms instead of 14). The query filter does not apply to SQL: the tenant is named here.
    /// </summary>
    private async Task<List<Guid>> NewestPerSpaceAsync(IReadOnlyCollection<Guid> spaceIds, Cursor? after, CancellationToken ct)
    {
        var spaces = spaceIds.ToArray();
        var organization = db.CurrentOrganizationId;
        const int take = PageSize + 1;
        var query = after is null
            ? db.Database.SqlQuery<Guid>($"""
                SELECT p."Id" AS "Value" FROM unnest({spaces}) AS s(space_id)
                CROSS JOIN LATERAL (
                    SELECT i."Id", i."CreatedAt" FROM "IntranetPosts" AS i
                    WHERE i."SpaceId" = s.space_id AND i."OrganizationId" = {organization}
                    ORDER BY i."CreatedAt" DESC, i."Id" DESC LIMIT {take}) AS p
                ORDER BY p."CreatedAt" DESC, p."Id" DESC LIMIT {take}
                """)
            : db.Database.SqlQuery<Guid>($"""
                SELECT p."Id" AS "Value" FROM unnest({spaces}) AS s(space_id)
                CROSS JOIN LATERAL (
                    SELECT i."Id", i."CreatedAt" FROM "IntranetPosts" AS i
                    WHERE i."SpaceId" = s.space_id AND i."OrganizationId" = {organization}
                      AND (i."CreatedAt" < {after.At} OR (i."CreatedAt" = {after.At} AND i."Id" < {after.Id}))
                    ORDER BY i."CreatedAt" DESC, i."Id" DESC LIMIT {take}) AS p
                ORDER BY p."CreatedAt" DESC, p."Id" DESC LIMIT {take}
                """);
        return await query.ToListAsync(ct);
    }

    /// <summary>Must-read posts of <paramref name="spaceIds"/> the person has not confirmed yet, newest mark first: pinned above the stream.</summary>
    public async Task<List<PostView>> UnreadMustReadsAsync(IReadOnlyCollection<Guid> spaceIds, Guid userId, CancellationToken ct)
    {
        var ids = await db.Set<StreamPost>().AsNoTracking()
            .Where(p => spaceIds.Contains(p.SpaceId) && p.MustReadSince != null
                && !db.Set<StreamReadConfirmation>().Any(r => r.PostId == p.Id && r.UserId == userId))
            .OrderByDescending(p => p.MustReadSince).Take(PageSize).Select(p => p.Id).ToListAsync(ct);
        return (await Project(db.Set<StreamPost>().AsNoTracking().Where(p => ids.Contains(p.Id)), ct)).OrderByDescending(p => p.MustReadSince).ToList();
    }

    /// <summary>The Markdown of a post as written, for its author's edit form.</summary>
    public Task<string?> BodyAsync(Guid spaceId, Guid postId, CancellationToken ct) =>
        db.Set<StreamPost>().Where(p => p.Id == postId && p.SpaceId == spaceId).Select(p => p.Body).SingleOrDefaultAsync(ct);

    public async Task<PostView?> FindAsync(Guid spaceId, Guid postId, CancellationToken ct) =>
        (await Project(db.Set<StreamPost>().AsNoTracking().Where(p => p.Id == postId && p.SpaceId == spaceId), ct)).SingleOrDefault();

    public async Task<List<CommentView>> CommentsAsync(Guid spaceId, Guid postId, CancellationToken ct)
    {
        var rows = await db.Set<StreamComment>().AsNoTracking().Where(c => c.PostId == postId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorId, c.Body, c.CreatedAt, c.EditedAt, Author = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var handles = (await WritePost.MemberHandlesAsync(db, spaceId, ct)).Select(m => m.Handle).ToList();
        return rows.Select(c => new CommentView(c.Id, c.AuthorId, c.Author, text.ToSafeHtml(c.Body, spaceId, handles), c.CreatedAt, c.EditedAt, c.Body)).ToList();
    }

    /// <summary>One file of a post of the space, with its bytes (or its preview), for download.</summary>
    public Task<StreamAttachment?> AttachmentAsync(Guid spaceId, Guid postId, Guid attachmentId, CancellationToken ct) =>
        db.Set<StreamAttachment>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.PostId == postId
                && db.Set<StreamPost>().Any(p => p.Id == postId && p.SpaceId == spaceId), ct);

    /// <summary>The reactions the person has given to a post.</summary>
    public Task<List<ReactionKind>> MyReactionsAsync(Guid postId, Guid userId, CancellationToken ct) =>
        db.Set<StreamReaction>().Where(r => r.PostId == postId && r.UserId == userId).Select(r => r.Kind).ToListAsync(ct);

    private async Task<List<PostView>> Project(IQueryable<StreamPost> posts, CancellationToken ct)
    {
        var rows = await posts.Select(p => new
        {
            p.Id,
            p.SpaceId,
            p.Body,
            p.CreatedAt,
            p.AuthorId,
            p.EditedAt,
            p.MustReadSince,
            Space = db.Set<Space>().Where(s => s.Id == p.SpaceId).Select(s => s.Title).First(),
            Author = db.Users.Where(u => u.Id == p.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            Comments = db.Set<StreamComment>().Count(c => c.PostId == p.Id),
            Likes = db.Set<StreamReaction>().Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Like),
            Helpful = db.Set<StreamReaction>().Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Helpful),
        }).ToListAsync(ct);
        // Mentions were resolved when the post was written; only those become links.
        var ids = rows.Select(r => r.Id).ToList();
        var mentioned = (await (from m in db.Set<StreamMention>()
                                join u in db.Users on m.UserId equals u.Id
                                where ids.Contains(m.PostId)
                                select new { m.PostId, u.DisplayName }).ToListAsync(ct))
            .ToLookup(m => m.PostId, m => StreamText.HandleOf(m.DisplayName));
        var attachments = (await db.Set<StreamAttachment>().AsNoTracking().Where(a => ids.Contains(a.PostId))
                .OrderBy(a => a.Position)
                .Select(a => new AttachmentView(a.Id, a.PostId, a.FileName, a.ContentType, a.Length, a.Preview != null))
                .ToListAsync(ct))
            .ToLookup(a => a.PostId);
        return rows.Select(r => new PostView(r.Id, r.SpaceId, r.Space, r.AuthorId, r.Author,
            text.ToSafeHtml(r.Body, r.SpaceId, mentioned[r.Id].ToList()), r.CreatedAt, r.Comments, r.Likes, r.Helpful, r.EditedAt, r.MustReadSince,
            attachments[r.Id].ToList())).ToList();
    }
}
