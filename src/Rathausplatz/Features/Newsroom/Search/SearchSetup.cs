using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Search;

public static class SearchSetup
{
    /// <summary>The search use case and the SaveChanges step that keeps the index in step with posts.</summary>
    public static IServiceCollection AddNewsroomSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchPosts>();
        services.ConfigureDbContext<SqliteAppDb>(o => o.AddInterceptors(PostSearchIndexer.Instance));
        services.ConfigureDbContext<PostgresAppDb>(o => o.AddInterceptors(PostSearchIndexer.Instance));
        services.AddHostedService<IndexUnsearchedPosts>();
        return services;
    }
}
