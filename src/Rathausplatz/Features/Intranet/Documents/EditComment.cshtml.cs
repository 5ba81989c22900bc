using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>The author changes the text of their comment on a document; others get 403, as in the stream (owners and admins delete, they do not reword).</summary>
public sealed class EditCommentModel(SpaceAccess access, DocumentQuery documents, ChangeDocumentComment changes, IStringLocalizer<SharedResource> text)
    : DocumentPageModel(access)
{
    [BindProperty, Display(Name = "Ihr Kommentar")] public string? Body { get; set; }

    public string DocumentTitle { get; private set; } = "";

    public string DocumentPath => $"{DocumentsPath}/{RouteData.Values["documentId"]}";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, Guid commentId, CancellationToken ct) =>
        await LoadAsync(id, documentId, commentId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid documentId, Guid commentId, CancellationToken ct)
    {
        var submitted = Body;
        if (await LoadAsync(id, documentId, commentId, ct) is { } refused)
            return refused;
        Body = submitted;
        var problem = await changes.EditAsync(Space, documentId, commentId, Body, ct);
        if (problem is null)
        {
            this.Flash(text["Ihr Kommentar ist geändert."]);
            return Redirect($"{DocumentPath}#kommentar-{commentId}");
        }
        if (problem == StreamProblem.NotFound)
            return NotFound();
        if (problem == StreamProblem.NotAllowed)
            return Forbid();
        ModelState.AddModelError(nameof(Body), IntranetTexts.Message(problem.Value, DocumentComment.MaxBody, text));
        return this.PageWithErrors();
    }

    /// <summary>Null when the caller may edit; 404 for what they cannot see, 403 for someone else's comment.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, Guid documentId, Guid commentId, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        if (await documents.CommentAsync(id, documentId, commentId, ct) is not { } comment)
            return NotFound();
        if (!ChangePost.CanEdit(Space, comment.AuthorId))
            return Forbid();
        (DocumentTitle, Body) = (comment.DocumentTitle, comment.Body);
        return null;
    }
}
