using Microsoft.AspNetCore.Html;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Newsroom.Search;

namespace Rathausplatz.Features.Intranet.Search;

/// <summary>One found item: what it is, where (the space's title, null outside spaces), its title and a snippet with the matched words marked.</summary>
public sealed record IntranetHit(SearchKind Kind, string Path, string? SpaceTitle, IHtmlContent Title, IHtmlContent Snippet, DateTime ChangedAt);

/// <summary>A page of results, how many matches of each kind there are (up to <see cref="SearchIntranet.RankedCandidates"/> in all) and whether that limit cut some off.</summary>
public sealed record IntranetHitPage(IReadOnlyList<IntranetHit> Hits, IReadOnlyDictionary<SearchKind, int> Counts, int Total, bool Capped, bool HasMore);

/// <summary>
/// Searches the intranet for one person: only what they may open by its own page is found. The permission rule of
/// <see cref="SpaceAccess"/> is part of the full-text query itself, so paging and counts are over readable items only:
/// <list type="bullet">
/// <item>a space's content (posts, comments, wiki pages, documents and their comments, tasks) for its members, guests included, and the organisation's admins;</item>
/// <item>a space itself for whoever sees it: members, admins, and staff when it is open or on request;</item>
/// <item>the knowledge base, expert questions (with their answers) and colleagues' profiles (of accounts that still have a staff role) for staff only.</item>
/// </list>
/// Other organisations' items never: the index rows carry the organisation and the query asks for the current one.
/// The words are normalised by the newsroom's German analysis (<see cref="SearchQuery"/>, <see cref="SearchText"/>).
/// </summary>
public sealed class SearchIntranet(AppDb db, TenantContext tenant)
{
    public const int PageSize = 10;

    /// <summary>
    /// How many of the newest readable matches are ranked at most (as in the newsroom's search: ranking costs per
    /// match, and a common word would otherwise rank tens of thousands of rows for ten results). Counts and paging end there.
    /// </summary>
    public const int RankedCandidates = 500;

    public async Task<IntranetHitPage> RunAsync(SpaceAccess.Caller caller, SearchQuery query, SearchKind? kind, int page, CancellationToken ct)
    {
        if (query.IsEmpty || tenant.OrganizationId is not { } organization)
            return new([], new Dictionary<SearchKind, int>(), 0, false, false);
        var candidates = await CandidatesAsync(caller, query, organization, ct);
        var counts = candidates.GroupBy(c => (SearchKind)c.Kind).ToDictionary(g => g.Key, g => g.Count());
        var chosen = kind is { } k ? candidates.Where(c => c.Kind == (int)k).ToList() : candidates;
        var skip = (Math.Max(1, page) - 1) * PageSize;
        var ids = chosen.Skip(skip).Take(PageSize).Select(c => c.Id).ToList();
        var entries = await (from e in db.Set<IntranetSearchEntry>().AsNoTracking()
                             where ids.Contains(e.Id)
                             select new
                             {
                                 e.Id, e.Kind, e.Path, e.ShownTitle, e.ShownText, e.ChangedAt,
                                 SpaceTitle = e.Kind == SearchKind.Space ? null : db.Set<Space>().Where(s => s.Id == e.SpaceId).Select(s => s.Title).FirstOrDefault(),
                             }).ToDictionaryAsync(e => e.Id, ct);
        var hits = ids.Where(entries.ContainsKey).Select(id => entries[id]).Select(e => new IntranetHit(e.Kind, e.Path, e.SpaceTitle,
            SearchHighlighter.Highlight(e.ShownTitle, query), SearchHighlighter.Snippet(e.ShownText, query), e.ChangedAt)).ToList();
        return new(hits, counts, candidates.Count, candidates.Count >= RankedCandidates, chosen.Count > skip + PageSize);
    }

    /// <summary>The newest readable matches (at most <see cref="RankedCandidates"/>), best first.</summary>
    private Task<List<Candidate>> CandidatesAsync(SpaceAccess.Caller caller, SearchQuery query, Guid organization, CancellationToken ct)
    {
        var me = caller.UserId;
        var staff = caller.Staff;
        var admin = caller.Admin;
        const int space = (int)SearchKind.Space;
        const int person = (int)SearchKind.Person;
        const int invitationOnly = (int)JoinPolicy.InvitationOnly;
        const int candidates = RankedCandidates;
        string[] roles = SpaceAccess.StaffRoles;
        // The permission rule, the same in both dialects (v: the index row with kind and space, sp: its space):
        //   admins read every space; members (guests included) their spaces; staff see open and on-request spaces
        //   themselves (not their content) and everything outside spaces (knowledge base, people, expert questions); a profile is
        //   found only while its account has a staff role, as its page is shown only then.
        // The tsquery is written where it is used, not taken from a CTE, so the planner sees how common the words
        // are (SearchPosts explains the difference it makes).
        var terms = query.ForPostgres();
        return (db.Database.IsNpgsql()
            ? db.Database.SqlQuery<Candidate>($"""
                WITH c AS MATERIALIZED (
                    SELECT v."Id", v."Kind", v."Vector" FROM "IntranetSearchVector" v
                    LEFT JOIN "IntranetSpaces" sp ON sp."Id" = v."SpaceId"
                    WHERE v."Vector" @@ to_tsquery('simple', {terms}) AND v."OrganizationId" = {organization}
                        AND ({admin}
                            OR v."SpaceId" IN (SELECT m."SpaceId" FROM "IntranetSpaceMembers" m WHERE m."UserId" = {me})
                            OR ({staff} AND v."SpaceId" IS NULL)
                            OR ({staff} AND v."Kind" = {space} AND sp."JoinPolicy" <> {invitationOnly}))
                        AND (v."Kind" <> {person} OR EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                            JOIN "IntranetSearch" e ON e."Id" = v."Id"
                            WHERE ur."UserId" = e."ItemId" AND r."Name" IN ({roles[0]}, {roles[1]}, {roles[2]}, {roles[3]})))
                    ORDER BY v."Id" DESC LIMIT {candidates})
                SELECT c."Id", c."Kind", ts_rank(c."Vector", to_tsquery('simple', {terms}))::float8 AS "Score"
                FROM c ORDER BY "Score" DESC, c."Id" DESC
                """)
            // bm25 is lower for better matches. The FTS table is the outer loop (LEFT JOIN keeps it there), so bm25 may be called.
            : db.Database.SqlQuery<Candidate>($"""
                WITH c AS MATERIALIZED (
                    SELECT "IntranetSearchIndex".rowid AS "Id", "IntranetSearchIndex".Kind AS "Kind", -bm25("IntranetSearchIndex", 10.0, 1.0) AS "Score"
                    FROM "IntranetSearchIndex"
                    LEFT JOIN "IntranetSpaces" sp ON sp."Id" = "IntranetSearchIndex".SpaceId
                    WHERE "IntranetSearchIndex" MATCH {query.ForSqlite()} AND "IntranetSearchIndex".OrganizationId = {organization}
                        AND ({admin}
                            OR "IntranetSearchIndex".SpaceId IN (SELECT m."SpaceId" FROM "IntranetSpaceMembers" m WHERE m."UserId" = {me})
                            OR ({staff} AND "IntranetSearchIndex".SpaceId IS NULL)
                            OR ({staff} AND "IntranetSearchIndex".Kind = {space} AND sp."JoinPolicy" <> {invitationOnly}))
                        AND ("IntranetSearchIndex".Kind <> {person} OR EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                            JOIN "IntranetSearch" e ON e."Id" = "IntranetSearchIndex".rowid
                            WHERE ur."UserId" = e."ItemId" AND r."Name" IN ({roles[0]}, {roles[1]}, {roles[2]}, {roles[3]})))
                    ORDER BY "IntranetSearchIndex".rowid DESC LIMIT {candidates})
                SELECT "Id", "Kind", "Score" FROM c ORDER BY "Score" DESC, "Id" DESC
                """)).ToListAsync(ct);
    }

    /// <summary>A row of the candidates query; a class with setters because EF maps raw results by property name.</summary>
    internal sealed class Candidate
    {
        public long Id { get; set; }
        public int Kind { get; set; }
        public double Score { get; set; }
    }
}
