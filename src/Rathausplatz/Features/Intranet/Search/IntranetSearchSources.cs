using Rathausplatz.Features.Intranet.Documents;
using Rathausplatz.Features.Intranet.People;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Features.Intranet.Tasks;
using Rathausplatz.Features.Intranet.Wiki;
using Rathausplatz.Features.Newsroom.Search;

namespace Rathausplatz.Features.Intranet.Search;

/// <summary>
/// What each kind of item looks like in the search index, read from the stored items (all organisations:
/// the entry takes the item's own). An id without an item (deleted) describes nothing, and its entry goes.
/// </summary>
internal static class IntranetSearchSources
{
    /// <summary>The entries of the given items of one kind, not yet stored; stems and shown texts filled in.</summary>
    public static async Task<List<IntranetSearchEntry>> DescribeAsync(DbContext db, SearchKind kind, List<Guid> ids, CancellationToken ct)
    {
        List<IntranetSearchEntry> entries = kind switch
        {
            SearchKind.Post => (await db.Set<StreamPost>().IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.OrganizationId, p.SpaceId, p.Body, p.CreatedAt }).ToListAsync(ct))
                .Select(p => Entry(kind, p.Id, p.OrganizationId, p.SpaceId, null, Markdown(p.Body), $"/intranet/raeume/{p.SpaceId}/beitraege/{p.Id}", p.CreatedAt))
                .ToList(),
            SearchKind.Comment => (await (from c in db.Set<StreamComment>().IgnoreQueryFilters().AsNoTracking()
                                          join p in db.Set<StreamPost>().IgnoreQueryFilters() on c.PostId equals p.Id
                                          where ids.Contains(c.Id)
                                          select new { c.Id, c.OrganizationId, p.SpaceId, c.PostId, c.Body, c.CreatedAt }).ToListAsync(ct))
                .Select(c => Entry(kind, c.Id, c.OrganizationId, c.SpaceId, null, Markdown(c.Body), $"/intranet/raeume/{c.SpaceId}/beitraege/{c.PostId}#kommentar-{c.Id}", c.CreatedAt))
                .ToList(),
            SearchKind.WikiPage => (await db.Set<WikiPage>().IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.OrganizationId, p.SpaceId, p.Title, p.Slug, p.Body, p.UpdatedAt }).ToListAsync(ct))
                .Select(p => Entry(kind, p.Id, p.OrganizationId, p.SpaceId, p.Title, Markdown(p.Body),
                    (p.SpaceId is { } s ? $"/intranet/raeume/{s}/wiki/" : WikiAccess.KnowledgeBasePath + "/") + p.Slug, p.UpdatedAt))
                .ToList(),
            SearchKind.Document => (await db.Set<SpaceDocument>().IgnoreQueryFilters().AsNoTracking().Where(d => ids.Contains(d.Id))
                    .Select(d => new
                    {
                        d.Id, d.OrganizationId, d.SpaceId, d.Title, d.UpdatedAt,
                        Files = db.Set<DocumentVersion>().IgnoreQueryFilters().Where(v => v.DocumentId == d.Id).OrderByDescending(v => v.Number).Select(v => v.FileName).ToList(),
                    }).ToListAsync(ct))
                .Select(d => Entry(kind, d.Id, d.OrganizationId, d.SpaceId, d.Title, string.Join(", ", d.Files.Distinct()), $"/intranet/raeume/{d.SpaceId}/dokumente/{d.Id}", d.UpdatedAt))
                .ToList(),
            SearchKind.Task => (await db.Set<SpaceTask>().IgnoreQueryFilters().AsNoTracking().Where(t => ids.Contains(t.Id))
                    .Select(t => new { t.Id, t.OrganizationId, t.SpaceId, t.Title, t.Description, t.UpdatedAt }).ToListAsync(ct))
                .Select(t => Entry(kind, t.Id, t.OrganizationId, t.SpaceId, t.Title, Markdown(t.Description), $"/intranet/raeume/{t.SpaceId}/aufgaben/{t.Id}", t.UpdatedAt))
                .ToList(),
            SearchKind.Space => (await db.Set<Space>().IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id))
                    .Select(s => new { s.Id, s.OrganizationId, s.Title, s.Description, s.CreatedAt }).ToListAsync(ct))
                .Select(s => Entry(kind, s.Id, s.OrganizationId, s.Id, s.Title, Markdown(s.Description), $"/intranet/raeume/{s.Id}", s.CreatedAt))
                .ToList(),
            SearchKind.Person => (await (from p in db.Set<StaffProfile>().IgnoreQueryFilters().AsNoTracking()
                                         join u in db.Set<Accounts.User>().IgnoreQueryFilters() on p.UserId equals u.Id
                                         where ids.Contains(p.UserId)
                                         select new
                                         {
                                             p.UserId, p.OrganizationId, u.DisplayName, p.JobTitle, p.CanHelpWith, p.UpdatedAt,
                                             Skills = db.Set<ProfileSkill>().IgnoreQueryFilters().Where(s => s.UserId == p.UserId).OrderBy(s => s.Name).Select(s => s.Name).ToList(),
                                         }).ToListAsync(ct))
                .Select(p => Entry(kind, p.UserId, p.OrganizationId, null, p.DisplayName,
                    string.Join(" · ", new[] { p.JobTitle, string.Join(", ", p.Skills), p.CanHelpWith }.Where(t => !string.IsNullOrWhiteSpace(t))),
                    $"/intranet/personen/{p.UserId}", p.UpdatedAt))
                .ToList(),
            // One entry per question: its answers' words find it too, and the result leads to the question with all answers.
            SearchKind.Question => (await db.Set<ExpertQuestion>().IgnoreQueryFilters().AsNoTracking().Where(q => ids.Contains(q.Id))
                    .Select(q => new
                    {
                        q.Id, q.OrganizationId, q.Title, q.Body, q.CreatedAt,
                        Answers = db.Set<ExpertAnswer>().IgnoreQueryFilters().Where(a => a.QuestionId == q.Id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                            .Select(a => new { a.Body, a.CreatedAt }).ToList(),
                    }).ToListAsync(ct))
                .Select(q => Entry(kind, q.Id, q.OrganizationId, null, q.Title,
                    string.Join("\n\n", new[] { Markdown(q.Body) }.Concat(q.Answers.Select(a => Markdown(a.Body))).Where(t => t.Length > 0)),
                    $"/intranet/personen/fragen/{q.Id}", q.Answers.Select(a => a.CreatedAt).Append(q.CreatedAt).Max()))
                .ToList(),
            SearchKind.DocumentComment => (await (from c in db.Set<DocumentComment>().IgnoreQueryFilters().AsNoTracking()
                                                  join d in db.Set<SpaceDocument>().IgnoreQueryFilters() on c.DocumentId equals d.Id
                                                  where ids.Contains(c.Id)
                                                  select new { c.Id, c.OrganizationId, d.SpaceId, c.DocumentId, c.Body, c.CreatedAt }).ToListAsync(ct))
                .Select(c => Entry(kind, c.Id, c.OrganizationId, c.SpaceId, null, Markdown(c.Body), $"/intranet/raeume/{c.SpaceId}/dokumente/{c.DocumentId}#kommentar-{c.Id}", c.CreatedAt))
                .ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return entries;
    }

    /// <summary>The ids of one kind's items that have no entry yet (items from before the index, or a failed indexing).</summary>
    public static IQueryable<Guid> Unindexed(DbContext db, SearchKind kind)
    {
        var indexed = db.Set<IntranetSearchEntry>().IgnoreQueryFilters().Where(e => e.Kind == kind).Select(e => e.ItemId);
        return kind switch
        {
            SearchKind.Post => db.Set<StreamPost>().IgnoreQueryFilters().Select(p => p.Id).Where(id => !indexed.Contains(id)),
            SearchKind.Comment => db.Set<StreamComment>().IgnoreQueryFilters().Select(c => c.Id).Where(id => !indexed.Contains(id)),
            SearchKind.WikiPage => db.Set<WikiPage>().IgnoreQueryFilters().Select(p => p.Id).Where(id => !indexed.Contains(id)),
            SearchKind.Document => db.Set<SpaceDocument>().IgnoreQueryFilters().Select(d => d.Id).Where(id => !indexed.Contains(id)),
            SearchKind.Task => db.Set<SpaceTask>().IgnoreQueryFilters().Select(t => t.Id).Where(id => !indexed.Contains(id)),
            SearchKind.Space => db.Set<Space>().IgnoreQueryFilters().Select(s => s.Id).Where(id => !indexed.Contains(id)),
            SearchKind.Person => db.Set<StaffProfile>().IgnoreQueryFilters().Select(p => p.UserId).Where(id => !indexed.Contains(id)),
            SearchKind.Question => db.Set<ExpertQuestion>().IgnoreQueryFilters().Select(q => q.Id).Where(id => !indexed.Contains(id)),
            SearchKind.DocumentComment => db.Set<DocumentComment>().IgnoreQueryFilters().Select(c => c.Id).Where(id => !indexed.Contains(id)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static string Markdown(string body) => MarkdownRenderer.ToPlainText(body);

    /// <summary>An entry for an item; <paramref name="title"/> null: the first line of the text stands in (posts and comments have none).</summary>
    internal static IntranetSearchEntry Entry(SearchKind kind, Guid id, Guid organization, Guid? space, string? title, string text, string path, DateTime changedAt)
    {
        var shownTitle = title ?? FirstLine(text);
        return new IntranetSearchEntry
        {
            OrganizationId = organization,
            Kind = kind,
            ItemId = id,
            SpaceId = space,
            Title = title is null ? "" : SearchText.Normalise(title),
            Body = SearchText.Normalise(text),
            ShownTitle = Cut(shownTitle, 120),
            ShownText = Cut(text, IntranetSearchEntry.MaxText),
            Path = path,
            ChangedAt = changedAt,
        };
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : "…";
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
