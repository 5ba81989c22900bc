using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// The documents of a space, newest change first, and for members the form to upload a new one. The request size
/// is limited by configuration (<see cref="DocumentOptions"/>): a file a little too large gets a message here,
/// anything far bigger 413 before it is read.
/// </summary>
[DocumentUploadLimit]
[RefuseTooLarge]
public sealed class ListModel(SpaceAccess access, DocumentQuery documents, UploadDocument uploading, IOptions<DocumentOptions> options,
    IStringLocalizer<SharedResource> text) : DocumentPageModel(access)
{
    [BindProperty, Display(Name = "Titel")] public string? Title { get; set; }

    public List<DocumentQuery.DocumentView> Documents { get; private set; } = [];
    public int MaxMegabytes => (int)(options.Value.MaxBytes / 1024 / 1024);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        Documents = await documents.ListAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (await WritableAsync(id, ct) is { } refused)
            return refused;
        await using var content = file?.OpenReadStream();
        var result = await uploading.NewAsync(Space, Title, content is null ? null : new UploadDocument.Upload(content, file!.FileName), ct);
        if (result.DocumentId is { } documentId)
        {
            this.Flash(text["Das Dokument ist hochgeladen."]);
            return Redirect($"{DocumentsPath}/{documentId}");
        }
        ModelState.AddModelError(DocumentTexts.Field(result.Problem!.Value), DocumentTexts.Message(result.Problem.Value, MaxMegabytes, text));
        Documents = await documents.ListAsync(id, ct);
        var page = this.PageWithErrors();
        if (result.Problem == DocumentProblem.TooLarge)
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return page;
    }
}
