using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>One post of a space's stream with its reactions and comments; for members of the space (and organisation admins).</summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class PostModel(SpaceAccess access, StreamQuery stream, WritePost writing, ReactToPost reactions,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Display(Name = "Ihr Kommentar")] public string? Body { get; set; }

    public SpaceAccess.View Space { get; private set; } = null!;
    public StreamQuery.PostView Post { get; private set; } = null!;
    public List<StreamQuery.CommentView> Comments { get; private set; } = [];
    public List<ReactionKind> Mine { get; private set; } = [];

    public string Path => Post.Path;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid postId, CancellationToken ct) =>
        await LoadAsync(id, postId, ct) ?? Page();

    public async Task<IActionResult> OnPostCommentAsync(Guid id, Guid postId, CancellationToken ct)
    {
        if (await LoadAsync(id, postId, ct) is { } refused)
            return refused;
        if (!Space.CanContribute)
            return Forbid();
        var result = await writing.CommentAsync(Space, postId, Body, ct);
        if (result.Id is { } commentId)
        {
            this.Flash(text["Ihr Kommentar ist veröffentlicht."]);
            return Redirect($"{Path}#kommentar-{commentId}");
        }
        if (result.Problem == StreamProblem.NotFound)
            return NotFound();
        ModelState.AddModelError(nameof(Body), IntranetTexts.Message(result.Problem!.Value, StreamComment.MaxBody, text));
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostReactAsync(Guid id, Guid postId, string? kind, CancellationToken ct)
    {
        if (await LoadAsync(id, postId, ct) is { } refused)
            return refused;
        if (!Space.CanContribute)
            return Forbid();
        ReactionKind? chosen = kind switch { "gefaellt" => ReactionKind.Like, "hilfreich" => ReactionKind.Helpful, _ => null };
        if (chosen is null)
            return BadRequest();
        var outcome = await reactions.ToggleAsync(Space, postId, chosen.Value, ct);
        if (outcome == ReactionOutcome.NotFound)
            return NotFound();
        this.Flash(outcome == ReactionOutcome.Removed ? text["Ihre Reaktion ist zurückgenommen."] : text["Danke für Ihre Reaktion."]);
        return Redirect(Path);
    }

    /// <summary>Null when the caller may read the post; otherwise the answer (404 for a space they may not see).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, Guid postId, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space)
            return NotFound();
        if (!space.CanRead)
            return Forbid();
        if (await stream.FindAsync(id, postId, ct) is not { } post)
            return NotFound();
        (Space, Post) = (space, post);
        Comments = await stream.CommentsAsync(id, postId, ct);
        Mine = await stream.MyReactionsAsync(postId, space.Caller.UserId, ct);
        return null;
    }
}
