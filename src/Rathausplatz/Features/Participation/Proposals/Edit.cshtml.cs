using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>
/// "Vorschlag bearbeiten": the author changes title, text, district, place and images while the proposal phase runs
/// and the town has not decided (<see cref="EditProposal.Editable"/>). Others get 403; a closed proposal shows why and
/// refuses posts with 400. Supports stay as they are.
/// </summary>
[Authorize]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
[RequestSizeLimit(NewModel.RequestLimit)]
[RefuseTooLarge]
public sealed class EditModel(AppDb db, EditProposal edit, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record ImageItem(Guid Id, string AltText, bool Hidden);

    [BindProperty, Display(Name = "Titel")] public string? Title { get; set; }
    [BindProperty, Display(Name = "Ihr Vorschlag")] public string? Body { get; set; }
    [BindProperty] public string? District { get; set; }
    [BindProperty(Name = "lat")] public string? Lat { get; set; }
    [BindProperty(Name = "lon")] public string? Lon { get; set; }
    [BindProperty(Name = "entfernen")] public List<Guid> RemoveImages { get; set; } = [];

    public ParticipationProcess Process { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public bool Editable { get; private set; }
    public List<ImageItem> Images { get; private set; } = [];
    public List<(string Slug, string Name)> Districts { get; private set; } = [];
    public DistrictFinder Map { get; private set; } = null!;
    public string ProposalPath => $"/beteiligung/{Process.Slug}/vorschlaege/{Proposal.Id}";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        Title = Proposal.Title;
        Body = Proposal.Body;
        District = await db.Set<District>().Where(d => d.Id == Proposal.DistrictId).Select(d => d.Slug).SingleOrDefaultAsync(ct);
        Lat = Proposal.Latitude?.ToString(CultureInfo.InvariantCulture);
        Lon = Proposal.Longitude?.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        var (latitude, latReadable) = Read(Lat);
        var (longitude, lonReadable) = Read(Lon);
        var readable = latReadable && lonReadable;
        var uploads = ImageFormFields.Read(Request);
        EditProposalResult result;
        try
        {
            result = await edit.RunAsync(new EditProposalInput
            {
                ProcessSlug = slug,
                ProposalId = id,
                EditorId = User.ParticipantId()!.Value,
                Title = Title,
                Body = Body,
                District = District,
                Latitude = readable ? latitude : double.NaN,
                Longitude = readable ? longitude : double.NaN,
                Images = uploads,
                RemoveImages = RemoveImages,
            }, ct);
        }
        finally
        {
            await ImageFormFields.DisposeAsync(uploads);
        }
        switch (result.Refusal)
        {
            case EditRefusal.NotFound:
                return NotFound();
            case EditRefusal.NotAuthor:
                return Forbid();
            case EditRefusal.Closed:
                ModelState.AddModelError("", ClosedMessage);
                return this.PageWithErrors();
        }
        if (result.Proposal is not null)
        {
            this.Flash(text["Ihre Änderungen sind gespeichert."]);
            return Redirect(ProposalPath);
        }
        if (!readable)
            ModelState.AddModelError("lat", text["Bitte geben Sie Breite und Länge als Zahlen an, zum Beispiel 51.0051 und 10.0052."]);
        foreach (var problem in result.Problems.Where(p => readable || p != ProposalProblem.CoordinatesOutOfRange))
            ModelState.AddModelError(KeyOf(problem), ParticipationTexts.Message(problem, text));
        ImageFormFields.AddErrors(ModelState, result.ImageRefusals, text);
        return this.PageWithErrors();
    }

    public string ClosedMessage => text["Dieser Vorschlag kann nicht mehr bearbeitet werden: Das geht nur, solange die Vorschlagsphase läuft und die Stadt noch nicht entschieden hat."];

    /// <summary>Room for new images on the form: what is left beside the kept ones.</summary>
    public int Room => ProposalImage.MaxPerProposal - Images.Count;

    private static string KeyOf(ProposalProblem problem) => problem switch
    {
        ProposalProblem.TitleTooShort or ProposalProblem.TitleTooLong => nameof(Title),
        ProposalProblem.BodyMissing or ProposalProblem.BodyTooLong => nameof(Body),
        ProposalProblem.UnknownDistrict => nameof(District),
        ProposalProblem.CoordinatesIncomplete or ProposalProblem.CoordinatesOutOfRange => "lat",
        _ => "",
    };

    private static (double? Value, bool Readable) Read(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return (null, true);
        return double.TryParse(typed.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (number, true) : (null, false);
    }

    /// <summary>Null when the page may show; else the answer (404 for nothing to show, 403 for someone else's proposal).</summary>
    private async Task<IActionResult?> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases)
            .SingleOrDefaultAsync(p => p.Slug == slug && p.Published, ct);
        var proposal = process is null ? null
            : await db.Set<Proposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == process.Id, ct);
        if (process is null || proposal is null)
            return NotFound();
        if (proposal.AuthorId != User.ParticipantId())
            return Forbid();
        (Process, Proposal) = (process, proposal);
        Editable = EditProposal.Editable(process, proposal, time.GetUtcNow().UtcDateTime);
        Images = await db.Set<ProposalImage>().AsNoTracking().Where(i => i.ProposalId == id).OrderBy(i => i.Position)
            .Select(i => new ImageItem(i.Id, i.AltText, i.HiddenAt != null)).ToListAsync(ct);
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct))
            .Select(d => (d.Slug, d.Name)).ToList();
        Map = await DistrictFinder.LoadAsync(db, ct);
        return null;
    }
}
