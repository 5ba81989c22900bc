using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>The author changes the text of their post or (with a comment id) of their comment; others get 403.</summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class EditModel(AppDb db, SpaceAccess access, ChangePost changes, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Display(Name = "Text")] public string? Body { get; set; }

    public SpaceAccess.View Space { get; private set; } = null!;
    public bool IsComment { get; private set; }
    public int MaxLength => IsComment ? StreamComment.MaxBody : StreamPost.MaxBody;

    public string PostPath => $"/intranet/raeume/{RouteData.Values["id"]}/beitraege/{RouteData.Values["postId"]}";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid postId, Guid? commentId, CancellationToken ct)
    {
        if (await LoadAsync(id, postId, commentId, ct) is { } refused)
            return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid postId, Guid? commentId, CancellationToken ct)
    {
        var submitted = Body;
        if (await LoadAsync(id, postId, commentId, ct) is { } refused)
            return refused;
        Body = submitted;
        var problem = commentId is { } c
            ? await changes.EditCommentAsync(Space, postId, c, Body, ct)
            : (await changes.EditPostAsync(Space, postId, Body, ct)).Problem;
        if (problem is null)
        {
            this.Flash(IsComment ? text["Ihr Kommentar ist geändert."] : text["Ihr Beitrag ist geändert."]);
            return Redirect(commentId is { } comment ? $"{PostPath}#kommentar-{comment}" : PostPath);
        }
        if (problem == StreamProblem.NotFound)
            return NotFound();
        if (problem == StreamProblem.NotAllowed)
            return Forbid();
        ModelState.AddModelError(nameof(Body), IntranetTexts.Message(problem.Value, MaxLength, text));
        return this.PageWithErrors();
    }

    /// <summary>Null when the caller may edit; 404 for what they cannot see, 403 for someone else's text.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, Guid postId, Guid? commentId, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space)
            return NotFound();
        if (!space.CanRead)
            return Forbid();
        var post = await db.Set<StreamPost>().AsNoTracking().Where(p => p.Id == postId && p.SpaceId == id)
            .Select(p => new { p.AuthorId, p.Body }).SingleOrDefaultAsync(ct);
        if (post is null)
            return NotFound();
        (Guid? AuthorId, string Body)? written = (post.AuthorId, post.Body);
        if (commentId is { } c)
        {
            var comment = await db.Set<StreamComment>().AsNoTracking().Where(x => x.Id == c && x.PostId == postId)
                .Select(x => new { x.AuthorId, x.Body }).SingleOrDefaultAsync(ct);
            written = comment is null ? null : (comment.AuthorId, comment.Body);
        }
        if (written is not { } w)
            return NotFound();
        if (!ChangePost.CanEdit(space, w.AuthorId))
            return Forbid();
        (Space, IsComment, Body) = (space, commentId is not null, w.Body);
        return null;
    }
}
