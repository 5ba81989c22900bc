using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>
/// /intranet: the person's own stream across the spaces they belong to (never others, admins included),
/// newest first with a keyset cursor, and the latest posts that mention them.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
public sealed class MineModel(AppDb db, SpaceAccess access, StreamQuery stream) : PageModel
{
    public sealed record MentionRow(Guid SpaceId, Guid PostId, string SpaceTitle, string? Author, DateTime At)
    {
        public string Path => $"/intranet/raeume/{SpaceId}/beitraege/{PostId}";
    }

    public List<StreamQuery.PostView> Posts { get; private set; } = [];
    public string? NextPage { get; private set; }
    public List<MentionRow> Mentions { get; private set; } = [];
    public int SpaceCount { get; private set; }
    public List<StreamQuery.PostView> MustReads { get; private set; } = [];
    public const string Path = "/intranet";

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
    {
        var me = SpaceAccess.Caller.Of(User)!.UserId;
        var spaces = await access.MemberOf(me).ToListAsync(ct);
        SpaceCount = spaces.Count;
        var (posts, next) = await stream.PageAsync(spaces, null, StreamQuery.Cursor.Decode(cursor), ct);
        Posts = posts;
        MustReads = await stream.UnreadMustReadsAsync(spaces, me, ct);
        NextPage = next is null ? null : $"/intranet?cursor={next.Encode()}";
        // Only mentions in spaces the person still belongs to.
        Mentions = await (from m in db.Set<StreamMention>()
                          join p in db.Set<StreamPost>() on m.PostId equals p.Id
                          join s in db.Set<Space>() on p.SpaceId equals s.Id
                          where m.UserId == me && spaces.Contains(p.SpaceId)
                          orderby m.CreatedAt descending
                          select new MentionRow(s.Id, p.Id, s.Title, db.Users.Where(u => u.Id == p.AuthorId).Select(u => u.DisplayName).FirstOrDefault(), m.CreatedAt))
            .Take(5).ToListAsync(ct);
    }
}
