using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>One post of a space's stream with its reactions and comments; for members of the space (and organisation admins).</summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class PostModel(SpaceAccess access, StreamQuery stream, WritePost writing, ReactToPost reactions,
    ChangePost changes, MustRead mustRead, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Display(Name = "Ihr Kommentar")] public string? Body { get; set; }

    public SpaceAccess.View Space { get; private set; } = null!;
    public StreamQuery.PostView Post { get; private set; } = null!;
    public List<StreamQuery.CommentView> Comments { get; private set; } = [];
    public List<ReactionKind> Mine { get; private set; } = [];
    public bool Confirmed { get; private set; }

    public bool CanEditPost => ChangePost.CanEdit(Space, Post.AuthorId);
    public bool CanDeletePost => ChangePost.CanDelete(Space, Post.AuthorId);
    public bool CanSeeReport => Post.MustReadSince is not null && MustRead.CanSeeReport(Space, Post.AuthorId);
    public bool CanConfirm => Post.MustReadSince is not null && Space.IsMember && !Confirmed;

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

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid postId, CancellationToken ct)
    {
        if (await LoadAsync(id, postId, ct) is { } refused)
            return refused;
        return await changes.DeletePostAsync(Space, postId, ct) switch
        {
            null => Done($"/intranet/raeume/{id}", text["Der Beitrag ist gelöscht."]),
            StreamProblem.NotFound => NotFound(),
            _ => Forbid(),
        };
    }

    public async Task<IActionResult> OnPostDeleteCommentAsync(Guid id, Guid postId, Guid commentId, CancellationToken ct)
    {
        if (await LoadAsync(id, postId, ct) is { } refused)
            return refused;
        return await changes.DeleteCommentAsync(Space, postId, commentId, ct) switch
        {
            null => Done($"{Path}#comments-heading", text["Der Kommentar ist gelöscht."]),
            StreamProblem.NotFound => NotFound(),
            _ => Forbid(),
        };
    }

    /// <summary>Leadership marks the post as must-read ("an") or takes the mark back.</summary>
    public async Task<IActionResult> OnPostMustReadAsync(Guid id, Guid postId, string? mark, CancellationToken ct)
    {
        if (await LoadAsync(id, postId, ct) is { } refused)
            return refused;
        var on = mark == "an";
        return await mustRead.MarkAsync(Space, postId, on, ct) switch
        {
            MustReadOutcome.NotAllowed => Forbid(),
            MustReadOutcome.NotFound => NotFound(),
            _ => Done(Path, on ? text["Der Beitrag ist jetzt Pflichtlektüre."] : text["Der Beitrag ist keine Pflichtlektüre mehr."]),
        };
    }

    /// <summary>A member's "Gelesen"; from the pinned list the form names the stream to go back to.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid postId, string? back, CancellationToken ct)
    {
        if (await LoadAsync(id, postId, ct) is { } refused)
            return refused;
        var outcome = await mustRead.ConfirmAsync(Space, postId, ct);
        if (outcome == MustReadOutcome.NotAllowed)
            return Forbid();
        if (outcome == MustReadOutcome.NotFound)
            return NotFound();
        var target = back is "/intranet" || back == $"/intranet/raeume/{id}" ? back : Path;
        return Done(target, text["Danke, Sie haben den Beitrag als gelesen bestätigt."]);
    }

    private RedirectResult Done(string target, string message)
    {
        this.Flash(message);
        return Redirect(target);
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
        Confirmed = post.MustReadSince is not null && await mustRead.ConfirmedAsync(postId, space.Caller.UserId, ct);
        return null;
    }
}
