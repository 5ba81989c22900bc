using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Search;

public static class IntranetSearchSetup
{
    /// <summary>The search use case, the SaveChanges step that keeps the index in step, and the start-up catch-up.</summary>
    public static IServiceCollection AddIntranetSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchIntranet>();
        services.ConfigureDbContext<SqliteAppDb>(o => o.AddInterceptors(IntranetSearchIndexer.Instance));
        services.ConfigureDbContext<PostgresAppDb>(o => o.AddInterceptors(IntranetSearchIndexer.Instance));
        services.AddHostedService<IndexUnsearchedIntranet>();
        return services;
    }
}
