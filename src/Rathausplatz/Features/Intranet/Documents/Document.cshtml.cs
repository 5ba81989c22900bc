using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// One document: a preview of its latest version (a PDF in the browser's own viewer, an image as its re-encoded
/// preview), every version to download, comments; for members a new version and a comment. Authors edit their
/// comments (<see cref="EditCommentModel"/>) and delete them, as owners and admins may too (the stream's rules).
/// </summary>
[DocumentUploadLimit]
[RefuseTooLarge]
public sealed class DocumentModel(SpaceAccess access, DocumentQuery documents, UploadDocument uploading, CommentOnDocument commenting, DeleteDocument deleting,
    ChangeDocumentComment commentChanges, IOptions<DocumentOptions> options, IStringLocalizer<SharedResource> text) : DocumentPageModel(access)
{
    [BindProperty, Display(Name = "Ihr Kommentar")] public string? Body { get; set; }

    public Guid DocumentId { get; private set; }
    public string Title { get; private set; } = "";
    public List<DocumentQuery.VersionView> Versions { get; private set; } = [];
    public List<DocumentQuery.CommentView> Comments { get; private set; } = [];
    public int MaxMegabytes => (int)(options.Value.MaxBytes / 1024 / 1024);
    public DocumentQuery.VersionView Latest => Versions[0];
    public string DocumentPath => $"{DocumentsPath}/{DocumentId}";
    public bool MayDelete { get; private set; }
    public string FilePath(int number) => $"{DocumentPath}/versionen/{number}";
    public string CommentEditPath(Guid commentId) => $"{DocumentPath}/kommentare/{commentId}/bearbeiten";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken ct) =>
        await ReadableAsync(id, ct) ?? await LoadAsync(documentId, ct) ?? Page();

    public async Task<IActionResult> OnPostVersionAsync(Guid id, Guid documentId, IFormFile? file, CancellationToken ct)
    {
        if (await WritableAsync(id, ct) is { } refused)
            return refused;
        DocumentId = documentId;
        await using var content = file?.OpenReadStream();
        var result = await uploading.AddVersionAsync(Space, documentId, content is null ? null : new UploadDocument.Upload(content, file!.FileName), ct);
        if (result.DocumentId is not null)
        {
            this.Flash(text["Fassung {0} ist hochgeladen.", result.Number]);
            return Redirect(DocumentPath);
        }
        if (result.Problem == DocumentProblem.NotFound)
            return NotFound();
        ModelState.AddModelError("File", DocumentTexts.Message(result.Problem!.Value, MaxMegabytes, text));
        if (await LoadAsync(documentId, ct) is { } missing)
            return missing;
        var page = this.PageWithErrors();
        if (result.Problem == DocumentProblem.TooLarge)
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return page;
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        switch (await deleting.RunAsync(Space, documentId, ct))
        {
            case Removal.NotFound: return NotFound();
            case Removal.NotAllowed: return Forbid();
        }
        this.Flash(text["Das Dokument ist gelöscht."]);
        return Redirect(DocumentsPath);
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        if (await WritableAsync(id, ct) is { } refused)
            return refused;
        var result = await commenting.RunAsync(Space, documentId, Body, ct);
        if (result.Id is { } commentId)
        {
            this.Flash(text["Ihr Kommentar ist veröffentlicht."]);
            return Redirect($"{DocumentPath}#kommentar-{commentId}");
        }
        if (result.Problem == StreamProblem.NotFound)
            return NotFound();
        ModelState.AddModelError(nameof(Body), IntranetTexts.Message(result.Problem!.Value, DocumentComment.MaxBody, text));
        return await LoadAsync(documentId, ct) ?? this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostDeleteCommentAsync(Guid id, Guid documentId, Guid commentId, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        DocumentId = documentId;
        switch (await commentChanges.DeleteAsync(Space, documentId, commentId, ct))
        {
            case StreamProblem.NotFound: return NotFound();
            case StreamProblem.NotAllowed: return Forbid();
        }
        this.Flash(text["Der Kommentar ist gelöscht."]);
        return Redirect($"{DocumentPath}#comments-heading");
    }

    private async Task<IActionResult?> LoadAsync(Guid documentId, CancellationToken ct)
    {
        if (await documents.FindAsync(Space.Space.Id, documentId, ct) is not { } found || found.Versions.Count == 0)
            return NotFound();
        (DocumentId, Title, Versions) = (documentId, found.Title, found.Versions);
        MayDelete = Space.MayRemove(found.CreatedById);
        Comments = await documents.CommentsAsync(documentId, ct);
        return null;
    }
}
