using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Organizations;
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
    IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Room for three images of 10 MB each and the form.</summary>
    public const long RequestLimit = 32 * 1024 * 1024;

    [BindProperty, Display(Name = "Titel")] public string? Title { get; set; }
    [BindProperty, Display(Name = "Ihr Vorschlag")] public string? Body { get; set; }
    [BindProperty] public string? District { get; set; }
    [BindProperty(Name = "lat")] public string? Lat { get; set; }
    [BindProperty(Name = "lon")] public string? Lon { get; set; }
    [BindProperty] public bool AcceptsNetiquette { get; set; }

    public ParticipationProcess Process { get; private set; } = null!;
    public bool Open { get; private set; }
    public bool NetiquetteAccepted { get; private set; }
    public List<(string Slug, string Name)> Districts { get; private set; } = [];
    public DistrictFinder Map { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        // Unreadable coordinates go to the use case as NaN, which it refuses as out of range (nothing is stored);
        // the message then says what was wrong with what was typed.
        var (latitude, latReadable) = Read(Lat);
        var (longitude, lonReadable) = Read(Lon);
        var readable = latReadable && lonReadable;
        var images = ImageFormFields.Read(Request);
        SubmitProposalResult result;
        try
        {
            result = await submit.RunAsync(new SubmitProposalInput
            {
                ProcessSlug = slug,
                AuthorId = User.ParticipantId()!.Value,
                Title = Title,
                Body = Body,
                District = District,
                Latitude = readable ? latitude : double.NaN,
                Longitude = readable ? longitude : double.NaN,
                AcceptsNetiquette = AcceptsNetiquette,
                Images = images,
            }, ct);
        }
        finally
        {
            await ImageFormFields.DisposeAsync(images);
        }
        if (result.Proposal is { } proposal)
        {
            this.Flash(text["Danke! Ihr Vorschlag ist veröffentlicht."]);
            return Redirect($"/beteiligung/{Process.Slug}/vorschlaege/{proposal.Id}");
        }
        if (!readable)
            ModelState.AddModelError("lat", text["Bitte geben Sie Breite und Länge als Zahlen an, zum Beispiel 51.0051 und 10.0052."]);
        foreach (var problem in result.Problems.Where(p => readable || p != ProposalProblem.CoordinatesOutOfRange))
            ModelState.AddModelError(KeyOf(problem), ParticipationTexts.Message(problem, text));
        ImageFormFields.AddErrors(ModelState, result.ImageRefusals, text);
        NetiquetteAccepted = await netiquette.AcceptedAsync(User.ParticipantId()!.Value, ct);
        return this.PageWithErrors();
    }

    private static string KeyOf(ProposalProblem problem) => problem switch
    {
        ProposalProblem.TitleTooShort or ProposalProblem.TitleTooLong => nameof(Title),
        ProposalProblem.BodyMissing or ProposalProblem.BodyTooLong => nameof(Body),
        ProposalProblem.UnknownDistrict => nameof(District),
        ProposalProblem.CoordinatesIncomplete or ProposalProblem.CoordinatesOutOfRange => "lat",
        ProposalProblem.NetiquetteRequired => nameof(AcceptsNetiquette),
        _ => "",
    };

    private static (double? Value, bool Readable) Read(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return (null, true);
        return double.TryParse(typed.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (number, true) : (null, false);
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
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct))
            .Select(d => (d.Slug, d.Name)).ToList();
        Map = await DistrictFinder.LoadAsync(db, ct);
        return true;
    }
}
