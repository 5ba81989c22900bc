using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Rathausplatz.Features.Newsroom.Public;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Offline;

/// <summary>
/// What makes the site an installable web app that can be read offline: the organisation's web app manifest
/// and the list the service worker (<c>wwwroot/sw.js</c>) stores on install and on each visit of the home page.
/// Both public and output-cached like the pages (the list changes with every publication).
/// </summary>
public static class OfflineApi
{
    /// <summary>How many of the newest articles are kept for reading offline.</summary>
    public const int LatestArticles = 10;

    public static IEndpointRouteBuilder MapOffline(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicPageCache.Policy);
        group.MapGet("/manifest.webmanifest", Manifest);
        group.MapGet("/offline.json", PrecacheListAsync);
        return app;
    }

    private static IResult Manifest(HttpContext context, IStringLocalizer<SharedResource> text)
    {
        var org = context.Organization();
        List<object> icons =
        [
            new { src = "/icons/icon-192.png", sizes = "192x192", type = "image/png", purpose = "any" },
            new { src = "/icons/icon-512.png", sizes = "512x512", type = "image/png", purpose = "any" },
            new { src = "/icons/icon-512.png", sizes = "512x512", type = "image/png", purpose = "maskable" },
        ];
        var manifest = new
        {
            name = org.Name,
            // Home screens cut names after about 12 characters; a town's name mostly fits.
            short_name = org.Name.Length <= 12 ? org.Name : org.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1],
            description = string.Format(CultureInfo.CurrentCulture, text["Neuigkeiten, Veranstaltungen und Hinweise von {0}"], org.Name),
            lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            dir = "ltr",
            id = "/",
            start_url = "/",
            scope = "/",
            display = "standalone",
            theme_color = org.AccentColor,
            background_color = "#ffffff",
            icons,
        };
        return Results.Json(manifest, contentType: "application/manifest+json; charset=utf-8");
    }

    private static async Task<IResult> PrecacheListAsync(PublicPosts posts, IFileVersionProvider versions, IWebHostEnvironment environment, HttpContext context, CancellationToken ct)
    {
        var latest = await posts.Visible().Where(p => p.Type != PostType.Page)
            .OrderByDescending(p => p.PublishedAt).Take(LatestArticles).Select(p => p.Slug).ToListAsync(ct);
        // Alerts are in the banner of every stored page; their own pages come along so the banner's links work offline.
        var alerts = await posts.ActiveAlerts().Select(a => a.Slug).ToListAsync(ct);
        var pages = new[] { "/", "/aktuelles", "/jobs", "/offline" }
            .Concat(latest.Concat(alerts).Distinct().Select(slug => "/aktuelles/" + Uri.EscapeDataString(slug)));
        // The same addresses the layout writes (with their version), so stored files match exactly.
        string Versioned(string path) => versions.AddFileVersionToPath(context.Request.PathBase, path);
        var fonts = environment.WebRootFileProvider.GetDirectoryContents("lib/kern/fira-sans")
            .Where(f => f.Name.EndsWith(".woff2", StringComparison.Ordinal)).Select(f => "/lib/kern/fira-sans/" + f.Name);
        var assets = new[] { "/lib/kern/fira-sans.css", "/lib/kern/kern.min.css", "/css/site.css", "/js/pwa.js" }.Select(Versioned)
            .Concat(["/favicon.svg", "/icons/icon-192.png"]).Concat(fonts);
        return Results.Json(new { pages, assets });
    }
}
