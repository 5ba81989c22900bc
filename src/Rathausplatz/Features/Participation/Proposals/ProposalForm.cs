using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>
/// What the proposal form and the edit form share (<c>_ProposalFields.cshtml</c>): title, text, district and place as
/// typed, the choices the form offers, reading the place and putting each problem at its field.
/// </summary>
public abstract class ProposalForm : PageModel
{
    [BindProperty, Display(Name = "Titel")] public string? Title { get; set; }
    [BindProperty, Display(Name = "Ihr Vorschlag")] public string? Body { get; set; }
    [BindProperty] public string? District { get; set; }
    [BindProperty(Name = "lat")] public string? Lat { get; set; }
    [BindProperty(Name = "lon")] public string? Lon { get; set; }

    public List<(string Slug, string Name)> Districts { get; private set; } = [];
    public DistrictFinder Map { get; private set; } = null!;

    /// <summary>
    /// The typed place. Unreadable coordinates go to the use case as NaN, which it refuses as out of range (nothing is
    /// stored); <see cref="AddProblems"/> then says what was wrong with what was typed.
    /// </summary>
    protected (double? Latitude, double? Longitude, bool Readable) ReadPlace()
    {
        var (latitude, latReadable) = Read(Lat);
        var (longitude, lonReadable) = Read(Lon);
        var readable = latReadable && lonReadable;
        return (readable ? latitude : double.NaN, readable ? longitude : double.NaN, readable);
    }

    /// <summary>Runs the use case with the posted image slots (<see cref="ImageFormFields"/>) and closes their streams after.</summary>
    protected async Task<T> WithUploadsAsync<T>(Func<List<ProposalImageUpload>, Task<T>> run)
    {
        var uploads = ImageFormFields.Read(Request);
        try
        {
            return await run(uploads);
        }
        finally
        {
            await ImageFormFields.DisposeAsync(uploads);
        }
    }

    /// <summary>Each problem at its field (an unreadable place once, at the latitude).</summary>
    protected void AddProblems(IEnumerable<ProposalProblem> problems, IEnumerable<ImageRefusal> imageRefusals, bool placeReadable,
        IStringLocalizer<SharedResource> text)
    {
        if (!placeReadable)
            ModelState.AddModelError("lat", text["Bitte geben Sie Breite und Länge als Zahlen an, zum Beispiel 51.0051 und 10.0052."]);
        foreach (var problem in problems.Where(p => placeReadable || p != ProposalProblem.CoordinatesOutOfRange))
            ModelState.AddModelError(KeyOf(problem), ParticipationTexts.Message(problem, text));
        ImageFormFields.AddErrors(ModelState, imageRefusals, text);
    }

    /// <summary>The districts to choose from and the map's settings.</summary>
    protected async Task LoadChoicesAsync(AppDb db, CancellationToken ct)
    {
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct))
            .Select(d => (d.Slug, d.Name)).ToList();
        Map = await DistrictFinder.LoadAsync(db, ct);
    }

    private static string KeyOf(ProposalProblem problem) => problem switch
    {
        ProposalProblem.TitleTooShort or ProposalProblem.TitleTooLong => nameof(Title),
        ProposalProblem.BodyMissing or ProposalProblem.BodyTooLong => nameof(Body),
        ProposalProblem.UnknownDistrict => nameof(District),
        ProposalProblem.CoordinatesIncomplete or ProposalProblem.CoordinatesOutOfRange => "lat",
        ProposalProblem.NetiquetteRequired => nameof(NewModel.AcceptsNetiquette),
        _ => "",
    };

    private static (double? Value, bool Readable) Read(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return (null, true);
        return double.TryParse(typed.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (number, true) : (null, false);
    }
}
