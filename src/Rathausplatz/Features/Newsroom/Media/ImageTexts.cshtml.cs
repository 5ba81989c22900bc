using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom.Editing;

namespace Rathausplatz.Features.Newsroom.Media;

/// <summary>Alt text, caption and credit of one image, changed without uploading it again.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class ImageTextsModel(AppDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    public Guid Id { get; private set; }
    public ImageView? Image { get; private set; }

    [BindProperty]
    public MediaModel.ImageInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid imageId, CancellationToken ct)
    {
        if (!await LoadAsync(id, imageId, ct))
            return NotFound();
        Input = new() { AltText = Image!.AltText, Caption = Image.Caption, Credit = Image.Credit };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid imageId, [FromServices] DescribeImage describe, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await LoadAsync(id, imageId, ct) ? this.PageWithErrors() : NotFound();
        switch (await describe.RunAsync(id, imageId, new ImageText(Input.AltText!, Input.Caption, Input.Credit), Actor.Of(User), ct))
        {
            case ArrangeOutcome.NotFound:
                return NotFound();
            case ArrangeOutcome.LiveUnderReview:
                ModelState.AddModelError("", text["Hier prüft eine zweite Person jede Änderung. Bitte ziehen Sie den Beitrag zuerst zurück und geben ihn nach dem Bearbeiten zur Prüfung."]);
                return await LoadAsync(id, imageId, ct) ? this.PageWithErrors() : NotFound();
        }
        this.Flash(text["Die Texte des Bildes sind gespeichert."]);
        return Redirect($"/newsroom/{id}/medien");
    }

    private async Task<bool> LoadAsync(Guid id, Guid imageId, CancellationToken ct)
    {
        Id = id;
        Image = (await PostMedia.ForAsync(db, id, ct)).Images.FirstOrDefault(i => i.Id == imageId);
        return Image is not null;
    }
}
