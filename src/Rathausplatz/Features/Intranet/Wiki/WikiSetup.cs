namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// The wikis: the organisation's knowledge base under /intranet/wiki and one per space under
/// /intranet/raeume/{id}/wiki. Each page answers both; its @page directive names the knowledge base's route and
/// the space's route is added here.
/// </summary>
public static class WikiSetup
{
    private static readonly (string Page, string Route)[] SpaceRoutes =
    [
        ("/Intranet/Wiki/Index", "/intranet/raeume/{id:guid}/wiki"),
        ("/Intranet/Wiki/New", "/intranet/raeume/{id:guid}/wiki/neu"),
        ("/Intranet/Wiki/Read", "/intranet/raeume/{id:guid}/wiki/{slug}"),
        ("/Intranet/Wiki/Edit", "/intranet/raeume/{id:guid}/wiki/{slug}/bearbeiten"),
        ("/Intranet/Wiki/History", "/intranet/raeume/{id:guid}/wiki/{slug}/versionen"),
        ("/Intranet/Wiki/Compare", "/intranet/raeume/{id:guid}/wiki/{slug}/versionen/vergleich"),
        ("/Intranet/Wiki/Delete", "/intranet/raeume/{id:guid}/wiki/{slug}/loeschen"),
    ];

    public static IServiceCollection AddWiki(this IServiceCollection services)
    {
        services.AddScoped<WikiAccess>();
        services.AddScoped<WikiText>();
        services.AddScoped<WikiQuery>();
        services.AddScoped<SaveWikiPage>();
        services.AddScoped<DeleteWikiPage>();
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var (page, route) in SpaceRoutes)
                o.Conventions.AddPageRoute(page, route);
        });
        return services;
    }
}
