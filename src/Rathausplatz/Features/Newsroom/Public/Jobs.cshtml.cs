using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>Open job postings: published and with the application deadline still ahead, soonest deadline first.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class JobsModel(PublicPosts posts) : PageModel
{
    public List<PostCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = posts.Now;
        Cards = await posts.Cards(posts.Visible().Where(p => p.Type == PostType.JobPosting && p.ApplicationDeadline > now).OrderBy(p => p.ApplicationDeadline)).ToListAsync(ct);
    }
}
