using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>
/// "Vorschlag machen": title, text (Markdown), optional district and place. The place is two plain fields;
/// where script runs, a click on the map fills them (report-map.js, as on /melden). The netiquette box shows
/// until the person has accepted it once.
/// </summary>
[Authorize]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
[RequestSizeLimit(RequestLimit)]
[RefuseTooLarge]
public sealed class NewModel(AppDb db, SubmitProposal submit, Netiquette netiquette, TimeProvider time,
    IStringLocalizer<SharedResource> text) : ProposalForm
{
    /// <summary>Room for three images of 10 MB each and the form.</summary>
    public const long RequestLimit = 32 * 1024 * 1024;

    [BindProperty] public bool AcceptsNetiquette { get; set; }

    public ParticipationProcess Process { get; private set; } = null!;
    public bool Open { get; private set; }
    public bool NetiquetteAccepted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        var (latitude, longitude, readable) = ReadPlace();
        var result = await WithUploadsAsync(images => submit.RunAsync(new SubmitProposalInput
        {
            ProcessSlug = slug,
            AuthorId = User.ParticipantId()!.Value,
            Title = Title,
            Body = Body,
            District = District,
            Latitude = latitude,
            Longitude = longitude,
            AcceptsNetiquette = AcceptsNetiquette,
            Images = images,
        }, ct));
        if (result.Proposal is { } proposal)
        {
            this.Flash(text["Danke! Ihr Vorschlag ist veröffentlicht."]);
            return Redirect($"/beteiligung/{Process.Slug}/vorschlaege/{proposal.Id}");
        }
        AddProblems(result.Problems, result.ImageRefusals, readable, text);
        NetiquetteAccepted = await netiquette.AcceptedAsync(User.ParticipantId()!.Value, ct);
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases)
            .SingleOrDefaultAsync(p => p.Slug == slug && p.Published, ct);
        if (process is null)
            return false;
        Process = process;
        Open = process.ProposalsEnabled && new ProcessSchedule(process.Phases).ProposalsOpenAt(time.GetUtcNow().UtcDateTime);
        NetiquetteAccepted = await netiquette.AcceptedAsync(User.ParticipantId()!.Value, ct);
        await LoadChoicesAsync(db, ct);
        return true;
    }
}
