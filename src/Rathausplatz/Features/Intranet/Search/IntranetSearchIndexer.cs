using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rathausplatz.Features.Intranet.Documents;
using Rathausplatz.Features.Intranet.People;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Features.Intranet.Tasks;
using Rathausplatz.Features.Intranet.Wiki;

namespace Rathausplatz.Features.Intranet.Search;

/// <summary>
/// Keeps <see cref="IntranetSearchEntry"/> rows in step with the intranet's items: a step of SaveChanges, so no use
/// case can forget it. While saving it notes which items changed (posts, comments, wiki pages, documents, their
/// versions and comments, tasks, spaces, profiles and skills, expert questions and their answers, accounts deleted or renamed); once they are saved it describes them afresh from the database
/// (<see cref="IntranetSearchSources"/>) and saves their entries, inside the caller's transaction when there is one.
/// Why after and not during the save: an entry is made of several items (a comment needs its post's space, a
/// profile its account's name and its skills), and reading them back once stored is simpler than piecing them
/// together from the tracker. Bulk statements (ExecuteUpdate/Delete) bypass this: call <see cref="ReindexAsync"/>.
/// </summary>
internal sealed class IntranetSearchIndexer : SaveChangesInterceptor
{
    public static readonly IntranetSearchIndexer Instance = new();

    private static readonly ConditionalWeakTable<DbContext, HashSet<(SearchKind Kind, Guid Id)>> Pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Take(db) is { Count: > 0 } keys)
            await ReindexAsync(db, keys, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Nothing in the app saves intranet items synchronously; should something, it is indexed all the same.
        if (eventData.Context is { } db && Take(db) is { Count: > 0 } keys)
            ReindexAsync(db, keys, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Describes the items afresh and saves their entries (removing those of items that are gone).</summary>
    public static async Task ReindexAsync(DbContext db, IEnumerable<(SearchKind Kind, Guid Id)> keys, CancellationToken ct)
    {
        foreach (var group in keys.GroupBy(k => k.Kind))
        {
            var kind = group.Key;
            foreach (var chunk in group.Select(k => k.Id).Distinct().Chunk(200))
            {
                var ids = chunk.ToList();
                var described = (await IntranetSearchSources.DescribeAsync(db, kind, ids, ct)).ToDictionary(e => e.ItemId);
                var existing = await db.Set<IntranetSearchEntry>().IgnoreQueryFilters().Where(e => e.Kind == kind && ids.Contains(e.ItemId)).ToListAsync(ct);
                foreach (var entry in existing)
                {
                    if (described.Remove(entry.ItemId, out var fresh))
                        Copy(fresh, entry);
                    else
                        db.Remove(entry);
                }
                db.AddRange(described.Values);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Copy(IntranetSearchEntry from, IntranetSearchEntry to)
    {
        to.OrganizationId = from.OrganizationId;
        to.SpaceId = from.SpaceId;
        to.Title = from.Title;
        to.Body = from.Body;
        to.ShownTitle = from.ShownTitle;
        to.ShownText = from.ShownText;
        to.Path = from.Path;
        to.ChangedAt = from.ChangedAt;
    }

    private static void Note(DbContext? db)
    {
        if (db is null)
            return;
        db.ChangeTracker.DetectChanges();
        var keys = new HashSet<(SearchKind, Guid)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            (SearchKind, Guid)? key = entry.Entity switch
            {
                StreamPost p => (SearchKind.Post, p.Id),
                StreamComment c => (SearchKind.Comment, c.Id),
                WikiPage w => (SearchKind.WikiPage, w.Id),
                SpaceDocument d => (SearchKind.Document, d.Id),
                DocumentVersion v => (SearchKind.Document, v.DocumentId),
                SpaceTask t => (SearchKind.Task, t.Id),
                Space s => (SearchKind.Space, s.Id),
                StaffProfile p => (SearchKind.Person, p.UserId),
                ProfileSkill s => (SearchKind.Person, s.UserId),
                ExpertQuestion q => (SearchKind.Question, q.Id),
                // An answer is part of its question's entry.
                ExpertAnswer a => (SearchKind.Question, a.QuestionId),
                DocumentComment c => (SearchKind.DocumentComment, c.Id),
                // A deleted account takes its profile's entry (name, job title) with it; a new name is found at once.
                Accounts.User u when entry.State == EntityState.Deleted || entry.Property(nameof(Accounts.User.DisplayName)).IsModified
                    => (SearchKind.Person, u.Id),
                _ => null,
            };
            if (key is { } k)
                keys.Add(k);
        }
        if (keys.Count == 0)
            return;
        lock (Pending)
        {
            if (Pending.TryGetValue(db, out var pending))
                pending.UnionWith(keys);
            else
                Pending.Add(db, keys);
        }
    }

    private static HashSet<(SearchKind Kind, Guid Id)>? Take(DbContext? db)
    {
        if (db is null)
            return null;
        lock (Pending)
        {
            if (!Pending.TryGetValue(db, out var keys))
                return null;
            Pending.Remove(db);
            return keys;
        }
    }
}
