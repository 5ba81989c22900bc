using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>The editors' list: everything of the organisation, filtered by state and type, or "mine" / "waiting for my review".</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class IndexModel(AppDb db, ChangeNewsroomSettings settings) : PageModel
{
    public sealed record Row(Guid Id, string Title, PostType Type, PostStatus Status, string Author, DateTime UpdatedAt);

    [BindProperty(SupportsGet = true, Name = "status")] public PostStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "typ")] public PostType? Type { get; set; }
    /// <summary>"entwuerfe" (my drafts) or "pruefung" (waiting for my review).</summary>
    [BindProperty(SupportsGet = true, Name = "ansicht")] public string? View { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public bool FourEyesReview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = Actor.Of(User).Id;
        var posts = db.Set<Post>().AsNoTracking();
        posts = View switch
        {
            "entwuerfe" => posts.Where(p => p.CreatedById == me && p.Status == PostStatus.Draft),
            "pruefung" => posts.Where(p => p.Status == PostStatus.InReview && p.CreatedById != me && p.SubmittedById != me),
            _ => posts,
        };
        if (Status is { } status)
            posts = posts.Where(p => p.Status == status);
        if (Type is { } type)
            posts = posts.Where(p => p.Type == type);
        Rows = await posts.OrderByDescending(p => p.UpdatedAt).Take(200)
            .Select(p => new Row(p.Id, p.Contents.Where(c => c.Language == PostLanguages.German).Select(c => c.Title).First(), p.Type, p.Status, p.CreatedByName, p.UpdatedAt))
            .ToListAsync(ct);
        FourEyesReview = await settings.FourEyesReviewAsync(ct);
    }
}
