using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Wiki;

public enum WikiProblem { NotAllowed, NotFound, TitleMissing, TitleTooLong, BodyTooLong, TitleTaken, ParentInvalid, Conflict }

/// <summary>What an editor sends: the page's title, text, place in the tree and whether it is offered as a template.</summary>
public sealed record WikiPageInput(string? Title, string? Body, Guid? ParentId, bool IsTemplate);

/// <summary>
/// Creates, edits and restores wiki pages. Every save writes a revision (who, when, title, text) and rewrites the
/// page's links, in one transaction. An edit names the version it started from; when someone else saved in the
/// meantime it is refused with <see cref="WikiProblem.Conflict"/> and nothing is written (the page's version is a
/// concurrency token, and revision numbers are unique per page). Titles are unique in a wiki: they are link targets.
/// </summary>
public sealed class SaveWikiPage(AppDb db, TimeProvider time)
{
    /// <summary>Addresses the routes use for other things.</summary>
    private static readonly string[] Reserved = ["neu"];

    public sealed record Result(WikiPage? Page, WikiProblem? Problem)
    {
        public static Result Refused(WikiProblem problem) => new(null, problem);
    }

    public async Task<Result> CreateAsync(WikiAccess.Wiki wiki, WikiPageInput input, CancellationToken ct)
    {
        var (title, body) = (input.Title?.Trim() ?? "", input.Body?.Replace("\r\n", "\n").Trim() ?? "");
        if (Refused(wiki, title, body) is { } problem)
            return Result.Refused(problem);
        var key = WikiText.KeyOf(title)!;
        if (await TitleTakenAsync(wiki, key, null, ct))
            return Result.Refused(WikiProblem.TitleTaken);
        if (input.ParentId is { } parentId && !await InWikiAsync(wiki, parentId, ct))
            return Result.Refused(WikiProblem.ParentInvalid);
        var now = time.GetUtcNow().UtcDateTime;
        var position = await Pages(wiki).Where(p => p.ParentId == input.ParentId).MaxAsync(p => (int?)p.Position, ct) ?? 0;
        var page = new WikiPage
        {
            SpaceId = wiki.SpaceId,
            ParentId = input.ParentId,
            Position = position + 1,
            Title = title,
            Slug = await FreeSlugAsync(wiki, key, ct),
            TitleKey = key,
            Body = body,
            IsTemplate = input.IsTemplate,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(page);
        db.Add(new WikiRevision { PageId = page.Id, Number = 1, AuthorId = wiki.UserId, CreatedAt = now, Title = title, Body = body });
        AddLinks(page);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone created a page with the same title at the same moment.
            if (await SlugTakenMeanwhileAsync(wiki, page.Slug, ct))
                return Result.Refused(WikiProblem.TitleTaken);
            throw;
        }
        return new Result(page, null);
    }

    /// <summary>Saves <paramref name="input"/> over the page, if it is still at <paramref name="baseVersion"/>.</summary>
    public Task<Result> UpdateAsync(WikiAccess.Wiki wiki, Guid pageId, WikiPageInput input, int baseVersion, CancellationToken ct) =>
        ChangeAsync(wiki, pageId, input, baseVersion, null, ct);

    /// <summary>Brings back the title and text of revision <paramref name="number"/> as a new revision.</summary>
    public async Task<Result> RestoreAsync(WikiAccess.Wiki wiki, Guid pageId, int number, int baseVersion, CancellationToken ct)
    {
        var old = await db.Set<WikiRevision>().AsNoTracking().SingleOrDefaultAsync(r => r.PageId == pageId && r.Number == number, ct);
        var page = await Pages(wiki).AsNoTracking().SingleOrDefaultAsync(p => p.Id == pageId, ct);
        if (old is null || page is null)
            return Result.Refused(WikiProblem.NotFound);
        return await ChangeAsync(wiki, pageId, new WikiPageInput(old.Title, old.Body, page.ParentId, page.IsTemplate), baseVersion, number, ct);
    }

    private async Task<Result> ChangeAsync(WikiAccess.Wiki wiki, Guid pageId, WikiPageInput input, int baseVersion, int? restoredFrom, CancellationToken ct)
    {
        var (title, body) = (input.Title?.Trim() ?? "", input.Body?.Replace("\r\n", "\n").Trim() ?? "");
        var page = await Pages(wiki).SingleOrDefaultAsync(p => p.Id == pageId, ct);
        if (page is null)
            return Result.Refused(WikiProblem.NotFound);
        if (Refused(wiki, title, body) is { } problem)
            return Result.Refused(problem);
        if (page.Version != baseVersion)
            return Result.Refused(WikiProblem.Conflict);
        var key = WikiText.KeyOf(title)!;
        if (await TitleTakenAsync(wiki, key, pageId, ct))
            return Result.Refused(WikiProblem.TitleTaken);
        if (input.ParentId != page.ParentId && input.ParentId is { } parentId && !await CanMoveUnderAsync(wiki, pageId, parentId, ct))
            return Result.Refused(WikiProblem.ParentInvalid);
        if (input.ParentId != page.ParentId)
            page.Position = (await Pages(wiki).Where(p => p.ParentId == input.ParentId).MaxAsync(p => (int?)p.Position, ct) ?? 0) + 1;

        var now = time.GetUtcNow().UtcDateTime;
        // The version this edit started from must still be the page's when the row is written (checked by the UPDATE itself).
        db.Entry(page).Property(p => p.Version).OriginalValue = baseVersion;
        (page.Title, page.TitleKey, page.Body, page.ParentId, page.IsTemplate, page.Version, page.UpdatedAt) =
            (title, key, body, input.ParentId, input.IsTemplate, baseVersion + 1, now);
        db.Add(new WikiRevision { PageId = page.Id, Number = page.Version, AuthorId = wiki.UserId, CreatedAt = now, Title = title, Body = body, RestoredFrom = restoredFrom });
        db.RemoveRange(await db.Set<WikiLink>().Where(l => l.FromPageId == page.Id).ToListAsync(ct));
        AddLinks(page);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The other save got in first (the version no longer matched, or its revision number was taken).
            if (await VersionMovedAsync(pageId, baseVersion, ct))
                return Result.Refused(WikiProblem.Conflict);
            throw;
        }
        return new Result(page, null);
    }

    private static WikiProblem? Refused(WikiAccess.Wiki wiki, string title, string body) =>
        !wiki.CanEdit ? WikiProblem.NotAllowed
        : title.Length == 0 || WikiText.KeyOf(title) is null ? WikiProblem.TitleMissing
        : title.Length > WikiPage.MaxTitle ? WikiProblem.TitleTooLong
        : body.Length > WikiPage.MaxBody ? WikiProblem.BodyTooLong
        : null;

    private IQueryable<WikiPage> Pages(WikiAccess.Wiki wiki) => db.Set<WikiPage>().Where(p => p.SpaceId == wiki.SpaceId);

    private void AddLinks(WikiPage page)
    {
        foreach (var key in WikiText.LinkKeys(page.Body))
            db.Add(new WikiLink { FromPageId = page.Id, SpaceId = page.SpaceId, TargetKey = key });
    }

    private Task<bool> TitleTakenAsync(WikiAccess.Wiki wiki, string key, Guid? except, CancellationToken ct) =>
        Pages(wiki).AnyAsync(p => p.TitleKey == key && p.Id != except, ct);

    private Task<bool> InWikiAsync(WikiAccess.Wiki wiki, Guid pageId, CancellationToken ct) => Pages(wiki).AnyAsync(p => p.Id == pageId, ct);

    /// <summary>A page cannot move under itself or one of its own descendants.</summary>
    private async Task<bool> CanMoveUnderAsync(WikiAccess.Wiki wiki, Guid pageId, Guid parentId, CancellationToken ct)
    {
        var parents = await Pages(wiki).AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ParentId, ct);
        if (!parents.ContainsKey(parentId))
            return false;
        for (Guid? at = parentId; at is { } current; at = parents.GetValueOrDefault(current))
            if (current == pageId)
                return false;
        return true;
    }

    private async Task<string> FreeSlugAsync(WikiAccess.Wiki wiki, string key, CancellationToken ct)
    {
        var taken = (await Pages(wiki).Where(p => p.Slug == key || p.Slug.StartsWith(key + "-")).Select(p => p.Slug).ToListAsync(ct))
            .Concat(Reserved).ToHashSet();
        if (!taken.Contains(key))
            return key;
        var n = 2;
        while (taken.Contains($"{key}-{n}"))
            n++;
        return $"{key}-{n}";
    }

    private async Task<bool> SlugTakenMeanwhileAsync(WikiAccess.Wiki wiki, string slug, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await Pages(wiki).AnyAsync(p => p.Slug == slug, ct);
    }

    private async Task<bool> VersionMovedAsync(Guid pageId, int baseVersion, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Set<WikiPage>().AnyAsync(p => p.Id == pageId && p.Version != baseVersion, ct);
    }
}
