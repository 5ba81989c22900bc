using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Media;
using Rathausplatz.Features.Organizations;
using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>
/// A published post. The reader's UI language picks the version when there is one, else German;
/// ?sprache=leicht asks for the "Leichte Sprache" version. Anything not public answers 404.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class DetailModel(PublicPosts posts, MarkdownRenderer markdown, AppDb db) : PageModel
{
    public PostView View { get; private set; } = null!;
    public bool HasEasyVersion { get; private set; }
    public string? JsonLd { get; private set; }
    public string PageUrl { get; private set; } = "";

    [BindProperty(SupportsGet = true, Name = "sprache")]
    public string? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var post = await posts.Visible().Include(p => p.Topics).Include(p => p.Districts).SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (post is null)
            return NotFound();
        var wanted = Version == "leicht" ? PostLanguages.EasyGerman : PublicPosts.Language;
        var content = post.In(wanted) ?? post.German;
        View = new PostView(post, content, markdown.ToSafeHtml(content.Body)) { Media = await PostMedia.ForAsync(db, post.Id, ct) };
        HasEasyVersion = post.In(PostLanguages.EasyGerman) is not null;
        PageUrl = $"{Request.Scheme}://{Request.Host}/aktuelles/{Uri.EscapeDataString(post.Slug)}";
        JsonLd = StructuredData.For(View, HttpContext.Organization().Name, PageUrl);
        return Page();
    }
}
