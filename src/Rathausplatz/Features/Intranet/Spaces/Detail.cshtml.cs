using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Documents;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Features.Intranet.Spaces;

/// <summary>
/// A space: what it is for, joining, requesting and leaving; for its members the stream (filtered by a #tag
/// when one is chosen) and the form for a new post. Staff who are not members see the description and the
/// way in, nothing of the content.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
[DocumentUploadLimit(Files = StreamAttachment.MaxPerPost)]
[RefuseTooLarge]
public sealed class DetailModel(AppDb db, SpaceAccess access, JoinSpace joining, WritePost writing, StreamQuery stream,
    MarkdownRenderer markdown, IOptions<DocumentOptions> documents, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Display(Name = "Neuer Beitrag")] public string? Body { get; set; }

    public SpaceAccess.View Space { get; private set; } = null!;
    public string DescriptionHtml { get; private set; } = "";
    public int MemberCount { get; private set; }
    public List<StreamQuery.PostView> Posts { get; private set; } = [];
    public string? NextPage { get; private set; }
    public string? Tag { get; private set; }
    public List<StreamQuery.PostView> MustReads { get; private set; } = [];

    public string Path => $"/intranet/raeume/{RouteData.Values["id"]}";
    public int MaxMegabytes => (int)(documents.Value.MaxBytes / 1024 / 1024);

    public async Task<IActionResult> OnGetAsync(Guid id, string? tag, string? cursor, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space)
            return NotFound();
        // Filtering or paging is reading: only for those who may read.
        if (!space.CanRead && (tag is not null || cursor is not null))
            return Forbid();
        await LoadAsync(space, tag, StreamQuery.Cursor.Decode(cursor), ct);
        return Page();
    }

    public Task<IActionResult> OnPostJoinAsync(Guid id, CancellationToken ct) =>
        MembershipAsync(id, v => joining.JoinAsync(v, ct), text["Willkommen! Sie sind jetzt Mitglied."], ct);

    public Task<IActionResult> OnPostRequestAsync(Guid id, CancellationToken ct) =>
        MembershipAsync(id, v => joining.RequestAsync(v, ct), text["Ihre Anfrage ist bei den Verantwortlichen des Raums."], ct);

    public Task<IActionResult> OnPostLeaveAsync(Guid id, CancellationToken ct) =>
        MembershipAsync(id, v => joining.LeaveAsync(v, ct), text["Sie haben den Raum verlassen."], ct);

    public async Task<IActionResult> OnPostPostAsync(Guid id, List<IFormFile>? files, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space)
            return NotFound();
        if (!space.CanContribute)
            return Forbid();
        // A file field left empty still sends a part without name and bytes.
        var chosen = (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var uploads = chosen.Select(f => new UploadedFile.Upload(f.OpenReadStream(), f.FileName)).ToList();
        WritePost.Result result;
        try
        {
            result = await writing.PostAsync(space, Body, uploads, ct);
        }
        finally
        {
            foreach (var upload in uploads)
                await upload.Content.DisposeAsync();
        }
        if (result.Id is { } postId)
        {
            this.Flash(text["Ihr Beitrag ist veröffentlicht."]);
            return Redirect($"{Path}#beitrag-{postId}");
        }
        if (result.FileProblem is { } fileProblem)
            ModelState.AddModelError("Files", text["„{0}“: {1}", result.FileName ?? "", DocumentTexts.Message(fileProblem, MaxMegabytes, text)]);
        else if (result.Problem == StreamProblem.TooManyFiles)
            ModelState.AddModelError("Files", IntranetTexts.Message(result.Problem.Value, StreamPost.MaxBody, text));
        else
            ModelState.AddModelError(nameof(Body), IntranetTexts.Message(result.Problem!.Value, StreamPost.MaxBody, text));
        await LoadAsync(space, null, null, ct);
        var page = this.PageWithErrors();
        if (result.FileProblem == DocumentProblem.TooLarge)
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return page;
    }

    private async Task<IActionResult> MembershipAsync(Guid id, Func<SpaceAccess.View, Task<MembershipOutcome>> change, string done, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space)
            return NotFound();
        var outcome = await change(space);
        if (outcome == MembershipOutcome.NotAllowed)
            return Forbid();
        if (outcome == MembershipOutcome.Done)
        {
            this.Flash(done);
            // Whoever left an invitation-only space can no longer see it.
            return Redirect(await access.FindAsync(User, id, ct) is null ? "/intranet/raeume" : Path);
        }
        ModelState.AddModelError("", IntranetTexts.Message(outcome, text));
        await LoadAsync(space, null, null, ct);
        return this.PageWithErrors();
    }

    private async Task LoadAsync(SpaceAccess.View space, string? tag, StreamQuery.Cursor? cursor, CancellationToken ct)
    {
        Space = space;
        DescriptionHtml = markdown.ToSafeHtml(space.Space.Description);
        MemberCount = await db.Set<SpaceMember>().CountAsync(m => m.SpaceId == space.Space.Id, ct);
        if (!space.CanRead)
            return;
        Tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();
        var (posts, next) = await stream.PageAsync([space.Space.Id], Tag, cursor, ct);
        Posts = posts;
        if (space.IsMember)
            MustReads = await stream.UnreadMustReadsAsync([space.Space.Id], space.Caller.UserId, ct);
        if (next is not null)
            NextPage = $"{Path}?{(Tag is null ? "" : $"tag={Uri.EscapeDataString(Tag)}&")}cursor={next.Encode()}";
    }
}
