using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Public;

namespace Rathausplatz.Features.Newsroom.Previews;

/// <summary>
/// A post not yet public, shown as the public will see it to whoever holds a preview link. Kept out
/// of search engines and caches, and the address is not passed on as a referrer when the reader
/// follows a link in the text. An unknown token answers 404, an expired or revoked one 410, both with a page saying so.
/// </summary>
[AllowAnonymous]
public sealed class PreviewModel(PreviewLinks links, AppDb db, MarkdownRenderer markdown) : PageModel
{
    public PostView? View { get; private set; }
    public PreviewLookup Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        var (result, postId) = await links.FindAsync(token, ct);
        var post = result == PreviewLookup.Found
            ? await db.Set<Post>().AsNoTracking().Include(p => p.Topics).Include(p => p.Districts).SingleOrDefaultAsync(p => p.Id == postId, ct)
            : null;
        Result = post is null && result == PreviewLookup.Found ? PreviewLookup.Unknown : result;
        if (post is null)
        {
            Response.StatusCode = Result == PreviewLookup.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
            return Page();
        }
        var content = post.In(PublicPosts.Language) ?? post.German;
        View = new PostView(post, content, markdown.ToSafeHtml(content.Body));
        return Page();
    }
}
