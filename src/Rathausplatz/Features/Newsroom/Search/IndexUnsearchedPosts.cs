using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>
/// Indexes published posts that have no search rows, once at start-up: posts published before the
/// search index existed (its migration cannot stem in SQL). Later changes are indexed as they are
/// saved (<see cref="PostSearchIndexer"/>), so on a current database this finds nothing.
/// </summary>
internal sealed class IndexUnsearchedPosts(IServiceScopeFactory scopes, ILogger<IndexUnsearchedPosts> logger) : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            int indexed;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                var posts = await db.Set<Post>().IgnoreQueryFilters()
                    .Where(p => p.Status == PostStatus.Published && !db.Set<PostSearchDocument>().IgnoreQueryFilters().Any(d => d.PostId == p.Id))
                    .OrderBy(p => p.Id).Take(Batch).ToListAsync(stoppingToken);
                PostSearchIndexer.Apply(db, posts.Select(p => (p, true)).ToList(), []);
                await db.SaveChangesAsync(stoppingToken);
                indexed = posts.Count;
                if (indexed > 0)
                    logger.LogInformation("Indexed {Count} published posts for search", indexed);
            }
            while (indexed == Batch && !stoppingToken.IsCancellationRequested);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Search misses these posts until they are saved again; the site itself works on.
            logger.LogError(e, "Indexing published posts for search failed");
        }
    }
}
