using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom.Editing;

namespace Rathausplatz.Features.Newsroom.Media;

/// <summary>
/// "Bilder und Anhänge" of one post: plain multipart forms, so it works without script. A page of its
/// own because Razor Pages set a request size limit per page: room for the largest PDF plus some, so a
/// file just over its limit gets a message on this page (413), while anything far bigger is refused
/// with 413 before it is read.
/// </summary>
[Authorize(Policy = Policies.Editor)]
[RequestSizeLimit(RequestLimit)]
[RefuseTooLarge]
public sealed class MediaModel(AppDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const long RequestLimit = 32 * 1024 * 1024;

    public sealed class ImageInput
    {
        [Required(ErrorMessage = "Bitte beschreiben Sie das Bild in einem Alternativtext.")]
        [StringLength(PostImage.MaxAltText, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Alternativtext")]
        public string? AltText { get; set; }

        [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Bildunterschrift")]
        public string? Caption { get; set; }

        [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Bildnachweis und Lizenz")]
        public string? Credit { get; set; }
    }

    public sealed class AttachmentInput
    {
        [Required(ErrorMessage = "Bitte geben Sie dem Dokument einen Titel.")]
        [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Titel des Dokuments")]
        public string? Title { get; set; }
    }

    public Guid Id { get; private set; }
    public string PostTitle { get; private set; } = "";
    public PostMedia Media { get; private set; } = PostMedia.None;
    public ImageInput NewImage { get; set; } = new();
    public AttachmentInput NewAttachment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostImageAsync(Guid id, IFormFile? imageFile, [FromServices] AddImage addImage, CancellationToken ct)
    {
        // Each form binds and checks only its own fields; the other form's are not part of this post.
        ModelState.Clear();
        await TryUpdateModelAsync(NewImage, nameof(NewImage));
        if (imageFile is null || imageFile.Length == 0)
            ModelState.AddModelError("ImageFile", text["Bitte wählen Sie eine Bilddatei aus."]);
        if (!ModelState.IsValid)
            return await RefusedAsync(id, ct);

        await using var content = imageFile!.OpenReadStream();
        var outcome = await addImage.RunAsync(id, new ImageText(NewImage.AltText!, NewImage.Caption, NewImage.Credit), content, Actor.Of(User), ct);
        return outcome switch
        {
            MediaOutcome.Added => Done(id, text["Das Bild ist gespeichert."]),
            MediaOutcome.NotFound => NotFound(),
            MediaOutcome.LiveUnderReview => await RefusedAsync(id, ct, "", text["Hier prüft eine zweite Person jede Änderung. Bitte ziehen Sie den Beitrag zuerst zurück und geben ihn nach dem Bearbeiten zur Prüfung."]),
            MediaOutcome.TooLarge => await RefusedAsync(id, ct, "ImageFile", text["Das Bild ist größer als 15 MB. Bitte verkleinern Sie es."], StatusCodes.Status413PayloadTooLarge),
            MediaOutcome.TooManyPixels => await RefusedAsync(id, ct, "ImageFile", text["Das Bild hat mehr als 60 Megapixel. Bitte verkleinern Sie es."]),
            MediaOutcome.Damaged => await RefusedAsync(id, ct, "ImageFile", text["Die Bilddatei ist beschädigt oder unvollständig und lässt sich nicht lesen."]),
            _ => await RefusedAsync(id, ct, "ImageFile", text["Die Datei ist kein JPEG-, PNG- oder WebP-Bild."]),
        };
    }

    public async Task<IActionResult> OnPostAttachmentAsync(Guid id, IFormFile? attachmentFile, [FromServices] AddAttachment addAttachment, CancellationToken ct)
    {
        ModelState.Clear();
        await TryUpdateModelAsync(NewAttachment, nameof(NewAttachment));
        if (attachmentFile is null || attachmentFile.Length == 0)
            ModelState.AddModelError("AttachmentFile", text["Bitte wählen Sie eine PDF-Datei aus."]);
        if (!ModelState.IsValid)
            return await RefusedAsync(id, ct);

        await using var content = attachmentFile!.OpenReadStream();
        var outcome = await addAttachment.RunAsync(id, NewAttachment.Title!, content, Actor.Of(User), ct);
        return outcome switch
        {
            MediaOutcome.Added => Done(id, text["Das Dokument ist gespeichert."]),
            MediaOutcome.NotFound => NotFound(),
            MediaOutcome.LiveUnderReview => await RefusedAsync(id, ct, "", text["Hier prüft eine zweite Person jede Änderung. Bitte ziehen Sie den Beitrag zuerst zurück und geben ihn nach dem Bearbeiten zur Prüfung."]),
            MediaOutcome.TooLarge => await RefusedAsync(id, ct, "AttachmentFile", text["Das Dokument ist größer als 20 MB."], StatusCodes.Status413PayloadTooLarge),
            _ => await RefusedAsync(id, ct, "AttachmentFile", text["Die Datei ist kein PDF-Dokument."]),
        };
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, MediaKind kind, Guid item, int direction, [FromServices] ArrangeMedia arrange, CancellationToken ct) =>
        ArrangedAsync(id, arrange.MoveAsync(id, kind, item, direction, Actor.Of(User), ct), text["Die Reihenfolge ist geändert."], ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, MediaKind kind, Guid item, [FromServices] ArrangeMedia arrange, CancellationToken ct) =>
        ArrangedAsync(id, arrange.RemoveAsync(id, kind, item, Actor.Of(User), ct),
            kind == MediaKind.Image ? text["Das Bild ist entfernt."] : text["Das Dokument ist entfernt."], ct);

    private async Task<IActionResult> ArrangedAsync(Guid id, Task<ArrangeOutcome> step, string message, CancellationToken ct) =>
        await step switch
        {
            ArrangeOutcome.Done => Done(id, message),
            ArrangeOutcome.NotFound => NotFound(),
            _ => await RefusedAsync(id, ct, "", text["Hier prüft eine zweite Person jede Änderung. Bitte ziehen Sie den Beitrag zuerst zurück und geben ihn nach dem Bearbeiten zur Prüfung."]),
        };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var title = await db.Set<Post>().Where(p => p.Id == id)
            .Select(p => p.Contents.Where(c => c.Language == PostLanguages.German).Select(c => c.Title).FirstOrDefault())
            .SingleOrDefaultAsync(ct);
        if (title is null)
            return false;
        (Id, PostTitle) = (id, title);
        Media = await PostMedia.ForAsync(db, id, ct);
        return true;
    }

    private RedirectResult Done(Guid id, string message)
    {
        this.Flash(message);
        return Redirect($"/newsroom/{id}/medien");
    }

    private async Task<IActionResult> RefusedAsync(Guid id, CancellationToken ct, string? key = null, string? message = null, int status = StatusCodes.Status400BadRequest)
    {
        if (message is not null)
            ModelState.AddModelError(key ?? "", message);
        if (!await LoadAsync(id, ct))
            return NotFound();
        var page = this.PageWithErrors();
        Response.StatusCode = status;
        return page;
    }
}
