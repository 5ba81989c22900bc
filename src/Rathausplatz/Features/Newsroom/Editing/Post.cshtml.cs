using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom.Media;
using Rathausplatz.Features.Newsroom.Previews;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>
/// One post in the back office: a preview as the public will see it (drafts too, editors only), the
/// steps its state allows, and the audit of who did what.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class PostModel(AppDb db, MarkdownRenderer markdown, PreviewLinks previews, IStringLocalizer<SharedResource> text, Delivery.DeliveryReport deliveries) : PageModel
{
    public Post Post { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public PostMedia Media { get; private set; } = PostMedia.None;
    public bool FourEyesReview { get; private set; }
    public bool IsMine { get; private set; }
    public List<PostAuditEntry> Audit { get; private set; } = [];
    public Delivery.DeliveryPanel Deliveries { get; private set; } = null!;
    public List<PreviewLink> PreviewLinks { get; private set; } = [];
    public bool CanPreview => Post.Status is PostStatus.Draft or PostStatus.InReview or PostStatus.Scheduled;

    /// <summary>A new link's address, shown once after it was made: only its hash is stored.</summary>
    [TempData]
    public string? NewPreviewUrl { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Bitte schreiben Sie, was zu ändern ist.")]
    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Hinweis für die Autorin oder den Autor")]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, [FromServices] SubmitForReview submit, CancellationToken ct) =>
        await submit.RunAsync(id, Actor.Of(User), ct) switch
        {
            SubmitOutcome.Submitted => Done(id, text["Der Beitrag wartet jetzt auf Prüfung."]),
            SubmitOutcome.NotFound => NotFound(),
            _ => await RefusedAsync(id, text["In diesem Zustand kann der Beitrag nicht zur Prüfung gegeben werden."], ct),
        };

    public async Task<IActionResult> OnPostApproveAsync(Guid id, [FromServices] ApprovePost approve, CancellationToken ct) =>
        await approve.RunAsync(id, Actor.Of(User), ct) switch
        {
            ApproveOutcome.Published => Done(id, text["Freigegeben und veröffentlicht."]),
            ApproveOutcome.Scheduled => Done(id, text["Freigegeben; der Beitrag erscheint zur geplanten Zeit."]),
            ApproveOutcome.OwnPost => await RefusedAsync(id, text["Eigene Beiträge gibt eine andere Person frei."], ct),
            ApproveOutcome.NotFound => NotFound(),
            _ => await RefusedAsync(id, text["Der Beitrag wartet nicht auf Prüfung."], ct),
        };

    public async Task<IActionResult> OnPostSendBackAsync(Guid id, [FromServices] SendBackPost sendBack, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await LoadAsync(id, ct) ? this.PageWithErrors() : NotFound();
        return await sendBack.RunAsync(id, Comment!, Actor.Of(User), ct) switch
        {
            SendBackOutcome.SentBack => Done(id, text["Der Beitrag ist mit Ihrem Hinweis zurückgegeben."]),
            SendBackOutcome.NotFound => NotFound(),
            _ => await RefusedAsync(id, text["Der Beitrag wartet nicht auf Prüfung."], ct),
        };
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, [FromServices] PublishPost publish, CancellationToken ct) =>
        await publish.RunAsync(id, Actor.Of(User), ct) switch
        {
            PublishOutcome.Published => Done(id, text["Der Beitrag ist veröffentlicht."]),
            PublishOutcome.Scheduled => Done(id, text["Der Beitrag erscheint zur geplanten Zeit."]),
            PublishOutcome.NeedsReview => await RefusedAsync(id, text["Hier prüft eine zweite Person jeden Beitrag. Bitte geben Sie ihn zur Prüfung."], ct),
            PublishOutcome.NotFound => NotFound(),
            _ => await RefusedAsync(id, text["In diesem Zustand kann der Beitrag nicht veröffentlicht werden."], ct),
        };

    public async Task<IActionResult> OnPostUnpublishAsync(Guid id, [FromServices] UnpublishPost unpublish, CancellationToken ct) =>
        await unpublish.RunAsync(id, Actor.Of(User), ct) switch
        {
            UnpublishOutcome.Unpublished => Done(id, text["Der Beitrag ist zurückgezogen."]),
            UnpublishOutcome.NotFound => NotFound(),
            _ => await RefusedAsync(id, text["Der Beitrag ist nicht veröffentlicht."], ct),
        };

    public async Task<IActionResult> OnPostCreatePreviewAsync(Guid id, int? previewDays, CancellationToken ct)
    {
        var created = await previews.CreateAsync(id, previewDays ?? Previews.PreviewLinks.DefaultDays, Actor.Of(User), ct);
        switch (created.Outcome)
        {
            case CreatePreviewOutcome.NotFound:
                return NotFound();
            case CreatePreviewOutcome.NotPreviewable:
                return await RefusedAsync(id, text["Vorschau-Links gibt es für Entwürfe, Beiträge in Prüfung und geplante Beiträge."], ct);
        }
        NewPreviewUrl = $"{Request.Scheme}://{Request.Host}/vorschau/{created.Token}";
        return Done(id, text["Der Vorschau-Link ist erstellt."]);
    }

    public async Task<IActionResult> OnPostRevokePreviewAsync(Guid id, Guid linkId, CancellationToken ct) =>
        await previews.RevokeAsync(id, linkId, ct) ? Done(id, text["Der Vorschau-Link ist zurückgenommen."]) : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var post = await db.Set<Post>().AsNoTracking().Include(p => p.Topics).Include(p => p.Districts).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return false;
        Post = post;
        BodyHtml = markdown.ToSafeHtml(post.German.Body);
        Media = await PostMedia.ForAsync(db, id, ct);
        FourEyesReview = await NewsroomSettingsReader.FourEyesAsync(db, ct);
        var me = Actor.Of(User).Id;
        IsMine = post.CreatedById == me || post.SubmittedById == me;
        Deliveries = await Delivery.DeliveryPanel.LoadAsync(deliveries, post, ct);
        PreviewLinks = await previews.ActiveAsync(id, ct);
        Audit = await db.Set<PostAuditEntry>().AsNoTracking().Where(a => a.PostId == id).OrderByDescending(a => a.At).ToListAsync(ct);
        return true;
    }

    private RedirectResult Done(Guid id, string message)
    {
        this.Flash(message);
        return Redirect($"/newsroom/{id}");
    }

    private async Task<IActionResult> RefusedAsync(Guid id, string message, CancellationToken ct)
    {
        ModelState.Clear();
        ModelState.AddModelError("", message);
        return await LoadAsync(id, ct) ? this.PageWithErrors() : NotFound();
    }
}
