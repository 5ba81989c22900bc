using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>
/// Keeps <see cref="PostSearchDocument"/> rows in step with posts inside the same SaveChanges, so
/// the index changes in the same transaction as the post. A step of SaveChanges rather than a call in
/// each use case: publishing, editing, approving, the due-time job and whatever comes next all
/// change posts through the tracker, and none of them can forget the index. Bulk updates
/// (ExecuteUpdate) bypass the tracker and therefore this: do not change post texts or states that way.
/// </summary>
internal sealed class PostSearchIndexer : SaveChangesInterceptor
{
    public static readonly PostSearchIndexer Instance = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Changed(db) is { Count: > 0 } posts)
            Apply(db, posts, await ExistingAsync(db, posts, cancellationToken));
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Changed(db) is { Count: > 0 } posts)
            Apply(db, posts, Existing(db, posts).ToList());
        return result;
    }

    /// <summary>
    /// The posts whose texts or state may have changed: added or modified, or one of their language versions was;
    /// and only those that are or were published. Only published posts have rows, so saving a draft (the
    /// editor's most frequent save) has nothing to add or remove and costs no query.
    /// </summary>
    private static List<(Post Post, bool IsNew)> Changed(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var contentOwners = db.ChangeTracker.Entries<PostContent>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Guid)e.Property("PostId").CurrentValue!)
            .ToHashSet();
        return db.ChangeTracker.Entries<Post>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || (e.State == EntityState.Unchanged && contentOwners.Contains(e.Entity.Id)))
            .Where(e => e.Entity.Status == PostStatus.Published || e.Property(p => p.Status).OriginalValue == PostStatus.Published)
            .Select(e => (e.Entity, e.State == EntityState.Added))
            .ToList();
    }

    // New posts have no rows yet: asking would cost a query per save of a new draft for nothing.
    private static IQueryable<PostSearchDocument> Existing(DbContext db, List<(Post Post, bool IsNew)> posts)
    {
        var ids = posts.Where(p => !p.IsNew).Select(p => p.Post.Id).ToList();
        return db.Set<PostSearchDocument>().IgnoreQueryFilters().Where(d => ids.Contains(d.PostId));
    }

    private static async Task<List<PostSearchDocument>> ExistingAsync(DbContext db, List<(Post Post, bool IsNew)> posts, CancellationToken ct) =>
        posts.All(p => p.IsNew) ? [] : await Existing(db, posts).ToListAsync(ct);

    internal static void Apply(DbContext db, List<(Post Post, bool IsNew)> posts, List<PostSearchDocument> existing)
    {
        var byPost = existing.ToLookup(d => d.PostId);
        foreach (var (post, _) in posts)
        {
            var wanted = post.Status == PostStatus.Published ? post.Contents.ToDictionary(c => c.Language) : new Dictionary<string, PostContent>();
            foreach (var document in byPost[post.Id])
            {
                if (wanted.Remove(document.Language, out var content))
                    Fill(document, post, content);
                else
                    db.Remove(document);
            }
            foreach (var content in wanted.Values)
            {
                var document = new PostSearchDocument { OrganizationId = post.OrganizationId, PostId = post.Id, Language = content.Language };
                Fill(document, post, content);
                db.Add(document);
            }
        }
    }

    private static void Fill(PostSearchDocument document, Post post, PostContent content)
    {
        document.Title = SearchText.Normalise(content.Title);
        document.Summary = SearchText.Normalise(content.Summary);
        var more = string.Join('\n', new[] { post.PlaceName, post.ContactDepartment, post.JobDepartment, post.EmploymentType, post.PayGrade }.Where(t => !string.IsNullOrWhiteSpace(t)));
        document.Body = SearchText.Normalise(MarkdownRenderer.ToPlainText(content.Body) + "\n" + more);
    }
}
