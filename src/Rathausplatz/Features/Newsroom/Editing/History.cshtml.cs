using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>The revisions of a post, newest first, each with its title as saved. Each links to what it changed (<see cref="Revisions.RevisionModel"/>).</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class HistoryModel(AppDb db) : PageModel
{
    public sealed record Version(Guid Id, string Author, DateTime SavedAt, string Title);

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public List<Version> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var title = await db.Set<Post>().Where(p => p.Id == id)
            .Select(p => p.Contents.Where(c => c.Language == PostLanguages.German).Select(c => c.Title).First()).SingleOrDefaultAsync(ct);
        if (title is null)
            return NotFound();
        (Id, Title) = (id, title);
        var revisions = await db.Set<PostRevision>().AsNoTracking().Where(r => r.PostId == id).ToListAsync(ct);
        // Version 7 ids order saves within one clock tick.
        Versions = revisions.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => new Version(r.Id, r.AuthorName, r.CreatedAt,
            System.Text.Json.JsonSerializer.Deserialize<PostForm>(r.Snapshot)?.Title ?? "")).ToList();
        return Page();
    }
}
