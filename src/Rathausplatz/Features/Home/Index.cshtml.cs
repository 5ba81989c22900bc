using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Public;
using Rathausplatz.Features.Organizations;
using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Home;

/// <summary>
/// The front door: latest news, upcoming events and current service information (alerts come first,
/// in the banner the layout shows on every page), then the town's topics and districts.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(AppDb db, PublicPosts posts) : PageModel
{
    public List<PostCard> News { get; private set; } = [];
    public List<PostCard> Events { get; private set; } = [];
    public List<PostCard> ServiceInformation { get; private set; } = [];
    public List<(string Slug, string Name)> Districts { get; private set; } = [];
    public List<(string Slug, string Name)> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = posts.Now;
        var visible = posts.Visible();
        News = await posts.Cards(visible.Where(p => p.Type == PostType.News).OrderByDescending(p => p.PublishedAt).Take(4)).ToListAsync(ct);
        Events = await posts.Cards(posts.UpcomingEvents().Take(4)).ToListAsync(ct);
        ServiceInformation = await posts.Cards(visible.Where(p => p.Type == PostType.ServiceInformation && (p.ValidUntil == null || p.ValidUntil > now))
            .OrderByDescending(p => p.PublishedAt).Take(4)).ToListAsync(ct);
        Districts = (await db.Set<District>().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct)).Select(d => (d.Slug, d.Name)).ToList();
        Topics = (await db.Set<Topic>().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct)).Select(t => (t.Slug, t.Name)).ToList();
    }
}
