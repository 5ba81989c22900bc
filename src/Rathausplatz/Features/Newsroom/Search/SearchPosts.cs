using Microsoft.AspNetCore.Html;
using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Public;

namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>One found post in the language version that matched best, title and summary highlighted.</summary>
public sealed record SearchResult(PostType Type, string Slug, string Language, DateTime? PublishedAt, DateTime? EventStart,
    DateTime? ApplicationDeadline, IHtmlContent Title, IHtmlContent? Summary)
{
    /// <summary>The detail page of the version that matched: "Leichte Sprache" has its own address.</summary>
    public string Url => "/aktuelles/" + Uri.EscapeDataString(Slug) + (Language == PostLanguages.EasyGerman ? "?sprache=leicht" : "");
}

public sealed record SearchPage(IReadOnlyList<SearchResult> Results, bool HasMore);

/// <summary>
/// Searches the published, visible posts of the current organisation: the full-text index finds and
/// ranks (title before summary before body; at most <see cref="RankedCandidates"/> rows), then the
/// page of posts is read by id. The index only
/// holds published posts; the query still checks state and times, because an unpublish time may
/// have passed before the job that takes the post down ran.
/// </summary>
public sealed class SearchPosts(AppDb db, TenantContext tenant, TimeProvider time)
{
    public const int PageSize = 10;

    /// <summary>
    /// How many matching search rows are ranked at most: the newest ones (ids grow with first
    /// publication). Ranking costs per matching row, and a word in every third post would otherwise
    /// rank tens of thousands of rows for ten results; so a very common word ranks its newest
    /// 500 matches (50 pages), and a query that matches fewer ranks them all. Paging ends there too.
    /// Half of the first thousand: finding the candidates and ranking them cost in proportion, and the
    /// search was over its 20 ms at 100,000 posts with 1,000 (bench/RESULTS.md, "Search").
    /// </summary>
    public const int RankedCandidates = 500;

    public async Task<SearchPage> RunAsync(SearchQuery query, int page, CancellationToken ct)
    {
        if (query.IsEmpty || tenant.OrganizationId is not { } organization)
            return new([], false);
        var skip = (Math.Max(1, page) - 1) * PageSize;
        var hits = await HitsAsync(query, organization, skip, PageSize + 1, ct);
        var ids = hits.Select(h => h.PostId).ToList();
        // Titles and summaries only: bodies may be long and the list does not show them.
        var posts = await db.Set<Post>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Type, p.Slug, p.PublishedAt, p.EventStart, p.ApplicationDeadline,
                Contents = p.Contents.Select(c => new { c.Language, c.Title, c.Summary }).ToList(),
            })
            .ToDictionaryAsync(p => p.Id, ct);
        var results = hits.Take(PageSize).Where(h => posts.ContainsKey(h.PostId)).Select(h =>
        {
            var post = posts[h.PostId];
            var content = post.Contents.FirstOrDefault(c => c.Language == h.Language) ?? post.Contents.First(c => c.Language == PostLanguages.German);
            return new SearchResult(post.Type, post.Slug, content.Language, post.PublishedAt, post.EventStart, post.ApplicationDeadline,
                SearchHighlighter.Highlight(content.Title, query), string.IsNullOrEmpty(content.Summary) ? null : SearchHighlighter.Highlight(content.Summary, query));
        }).ToList();
        return new(results, hits.Count > PageSize);
    }

    private Task<List<SearchHit>> HitsAsync(SearchQuery query, Guid organization, int skip, int take, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var preferred = PublicPosts.Language;
        const int published = (int)PostStatus.Published;
        const int candidates = RankedCandidates;
        // One row per post: the language version that ranks best (ties: the reader's language).
        // The tsquery is written out where it is used, not taken from a CTE: as a constant the planner
        // sees how common the words are and walks the primary key backwards for a common word (the
        // newest matches are near the top) but takes the GIN index for a rare one. Behind a
        // CTE it guessed 500 rows for every query and read every match of a common word through the
        // index, 28,000 rows all over the table for one word of 100,000 posts (bench/RESULTS.md).
        // The vectors have a narrow table of their own (SearchSchema.MoveVectorToOwnTable), so that walk reads few pages.
        var terms = query.ForPostgres();
        return (db.Database.IsNpgsql()
            ? db.Database.SqlQuery<SearchHit>($"""
                WITH c AS MATERIALIZED (
                    SELECT v."Id", v."Vector" FROM "PostSearchVector" v
                    WHERE v."Vector" @@ to_tsquery('simple', {terms}) AND v."OrganizationId" = {organization}
                    ORDER BY v."Id" DESC LIMIT {candidates})
                SELECT h."PostId", h."Language", h."Score" FROM (
                    SELECT DISTINCT ON (s."PostId") s."PostId", s."Language", p."PublishedAt",
                        ts_rank(c."Vector", to_tsquery('simple', {terms}))::float8 AS "Score"
                    FROM c
                    JOIN "PostSearch" s ON s."Id" = c."Id"
                    JOIN "Post" p ON p."Id" = s."PostId"
                    WHERE p."OrganizationId" = {organization} AND p."Status" = {published}
                        AND p."PublishedAt" <= {now} AND (p."UnpublishAt" IS NULL OR p."UnpublishAt" > {now})
                    ORDER BY s."PostId", "Score" DESC, s."Language" = {preferred} DESC
                ) h
                ORDER BY h."Score" DESC, h."PublishedAt" DESC, h."PostId"
                LIMIT {take} OFFSET {skip}
                """)
            // bm25 is lower for better matches; SQLite takes the bare Language from the row of MIN(Score).
            // MATERIALIZED: flattened into the grouping query, bm25 would be called where FTS5 refuses it.
            // CROSS JOIN fixes the order (SQLite's documented way): from the few hundred candidates to
            // their posts. Left to choose, SQLite 3.53 walked every published post of the organisation by
            // its index and looked each up in the candidates: 700 ms instead of 20 at 100,000 posts.
            : db.Database.SqlQuery<SearchHit>($"""
                WITH m AS MATERIALIZED (
                    SELECT rowid AS Id, bm25("PostSearchIndex", 10.0, 4.0, 1.0) AS Score
                    FROM "PostSearchIndex" WHERE "PostSearchIndex" MATCH {query.ForSqlite()} AND OrganizationId = {organization}
                    ORDER BY rowid DESC LIMIT {candidates})
                SELECT s."PostId", s."Language", MIN(m.Score) AS "Score"
                FROM m
                CROSS JOIN "PostSearch" s ON s."Id" = m.Id
                CROSS JOIN "Post" p ON p."Id" = s."PostId"
                WHERE p."OrganizationId" = {organization} AND p."Status" = {published}
                    AND p."PublishedAt" <= {now} AND (p."UnpublishAt" IS NULL OR p."UnpublishAt" > {now})
                GROUP BY s."PostId"
                ORDER BY "Score", MAX(p."PublishedAt") DESC, s."PostId"
                LIMIT {take} OFFSET {skip}
                """)).ToListAsync(ct);
    }

    /// <summary>A row of the ranking query; a class with setters because EF maps raw results by property name.</summary>
    internal sealed class SearchHit
    {
        public Guid PostId { get; set; }
        public string Language { get; set; } = "";
        public double Score { get; set; }
    }
}
