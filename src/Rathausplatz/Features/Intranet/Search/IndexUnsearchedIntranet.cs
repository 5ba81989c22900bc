using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Search;

/// <summary>
/// Indexes intranet items that have no search entry, once at start-up: items written before the index existed
/// (its migration cannot stem in SQL). Later changes are indexed as they are saved (<see cref="IntranetSearchIndexer"/>),
/// so on a current database this finds nothing.
/// </summary>
internal sealed class IndexUnsearchedIntranet(IServiceScopeFactory scopes, ILogger<IndexUnsearchedIntranet> logger) : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var kind in Enum.GetValues<SearchKind>())
            {
                int found;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                    var ids = await IntranetSearchSources.Unindexed(db, kind).Take(Batch).ToListAsync(stoppingToken);
                    found = ids.Count;
                    if (found > 0)
                    {
                        await IntranetSearchIndexer.ReindexAsync(db, ids.Select(id => (kind, id)), stoppingToken);
                        logger.LogInformation("Indexed {Count} intranet items of kind {Kind} for search", found, kind);
                    }
                }
                while (found == Batch && !stoppingToken.IsCancellationRequested);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Search misses these items until they are saved again; the intranet itself works on.
            logger.LogError(e, "Indexing intranet items for search failed");
        }
    }
}
