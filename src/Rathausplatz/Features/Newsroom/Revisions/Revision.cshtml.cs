using System.Text.Json;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Newsroom.Revisions;

/// <summary>
/// What one version changed: compared with the version before it, or (?mit=aktuell) with the post as
/// it is now; and the button that brings the version back.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class RevisionModel(AppDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record VersionInfo(string Author, DateTime SavedAt);

    [BindProperty(SupportsGet = true, Name = "mit")]
    public string? Against { get; set; }

    public Guid Id { get; private set; }
    public Guid RevisionId { get; private set; }
    public string Title { get; private set; } = "";
    public VersionInfo This { get; private set; } = null!;
    /// <summary>The older side of the comparison; null when this is the first version (or the current state is compared).</summary>
    public VersionInfo? Previous { get; private set; }
    public bool AgainstCurrent => Against == "aktuell";
    public List<FieldChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid revisionId, CancellationToken ct) =>
        await LoadAsync(id, revisionId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, Guid revisionId, [FromServices] RestoreRevision restore, CancellationToken ct)
    {
        var result = await restore.RunAsync(id, revisionId, Actor.Of(User), ct);
        string? problem = result.Outcome switch
        {
            SaveOutcome.Saved => null,
            SaveOutcome.NotFound => "",
            SaveOutcome.LiveUnderReview => text["Hier prüft eine zweite Person jede Änderung. Bitte ziehen Sie den Beitrag zuerst zurück und geben ihn nach dem Bearbeiten zur Prüfung."],
            _ => text["Die Adresse dieser Version hat inzwischen ein anderer Beitrag. Bitte ändern Sie die Adresse im Formular."],
        };
        if (problem is null)
        {
            this.Flash(text["Die Version ist wiederhergestellt."]);
            return Redirect($"/newsroom/{id}");
        }
        if (problem.Length == 0 || !await LoadAsync(id, revisionId, ct))
            return NotFound();
        ModelState.AddModelError("", problem);
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(Guid id, Guid revisionId, CancellationToken ct)
    {
        var post = await db.Set<Post>().AsNoTracking().Include(p => p.Topics).Include(p => p.Districts).SingleOrDefaultAsync(p => p.Id == id, ct);
        var revision = await db.Set<PostRevision>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.PostId == id, ct);
        if (post is null || revision is null)
            return false;
        (Id, RevisionId, Title) = (id, revisionId, post.German.Title);
        This = new(revision.AuthorName, revision.CreatedAt);
        var version = Read(revision);
        PostForm? older, newer;
        if (AgainstCurrent)
            (older, newer) = (version, post.ToForm());
        else
        {
            // Ids are version 7 (time-ordered), so they order saves within one clock tick too.
            var previousId = (await db.Set<PostRevision>().AsNoTracking().Where(r => r.PostId == id).Select(r => new { r.Id, r.CreatedAt }).ToListAsync(ct))
                .Where(r => (r.CreatedAt, r.Id).CompareTo((revision.CreatedAt, revision.Id)) < 0)
                .OrderByDescending(r => (r.CreatedAt, r.Id)).Select(r => (Guid?)r.Id).FirstOrDefault();
            var previous = previousId is null ? null : await db.Set<PostRevision>().AsNoTracking().SingleAsync(r => r.Id == previousId, ct);
            Previous = previous is null ? null : new(previous.AuthorName, previous.CreatedAt);
            (older, newer) = (previous is null ? null : Read(previous), version);
        }
        var names = new Dictionary<Guid, string>();
        foreach (var topic in await db.Set<Topic>().AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            names[topic.Id] = topic.Name;
        foreach (var district in await db.Set<District>().AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            names[district.Id] = district.Name;
        Changes = RevisionDiff.Compare(older, newer, post.Type, new(names, key => text[key]));
        return true;
    }

    private static PostForm Read(PostRevision revision) => JsonSerializer.Deserialize<PostForm>(revision.Snapshot) ?? new PostForm();
}
