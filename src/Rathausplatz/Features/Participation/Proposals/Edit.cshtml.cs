using System.Globalization;
using Rathausplatz.Data;
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
public sealed class EditModel(AppDb db, EditProposal edit, TimeProvider time, IStringLocalizer<SharedResource> text) : ProposalForm
{
    public sealed record ImageItem(Guid Id, string AltText, bool Hidden);

    [BindProperty(Name = "entfernen")] public List<Guid> RemoveImages { get; set; } = [];

    public ParticipationProcess Process { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public bool Editable { get; private set; }
    public List<ImageItem> Images { get; private set; } = [];
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
        var (latitude, longitude, readable) = ReadPlace();
        var result = await WithUploadsAsync(uploads => edit.RunAsync(new EditProposalInput
        {
            ProcessSlug = slug,
            ProposalId = id,
            EditorId = User.ParticipantId()!.Value,
            Title = Title,
            Body = Body,
            District = District,
            Latitude = latitude,
            Longitude = longitude,
            Images = uploads,
            RemoveImages = RemoveImages,
        }, ct));
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
        AddProblems(result.Problems, result.ImageRefusals, readable, text);
        return this.PageWithErrors();
    }

    public string ClosedMessage => text["Dieser Vorschlag kann nicht mehr bearbeitet werden: Das geht nur, solange die Vorschlagsphase läuft und die Stadt noch nicht entschieden hat."];

    /// <summary>Room for new images on the form: what is left beside the kept ones.</summary>
    public int Room => ProposalImage.MaxPerProposal - Images.Count;

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
        await LoadChoicesAsync(db, ct);
        return null;
    }
}
