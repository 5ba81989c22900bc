using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Public;

/// <summary>
/// "Mangel melden" in three steps that work without script, each a GET until the last: the category
/// (<c>?kategorie=</c>), the place (<c>&amp;lat=&amp;lon=</c> from the map or typed, or <c>&amp;adresse=</c> through the
/// geocoder), then the open reports nearby ("already reported?") above the rest of the form, which is
/// posted to the same URL. The map only fills in the coordinates.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ReportsSetup.SubmitRateLimit)]
[RequestSizeLimit(RequestLimit)]
[RefuseTooLarge]
public sealed class NewModel(AppDb db, SubmitReport submit, ReportArea area, AddressGeocoder geocoder, PublicReports reports,
    UserManager<User> users, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Room for the default three photos of 10 MB each and the form; more photos must be smaller.</summary>
    public const long RequestLimit = 40 * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "kategorie")] public string? CategoryCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "lat")] public string? Lat { get; set; }
    [BindProperty(SupportsGet = true, Name = "lon")] public string? Lon { get; set; }
    [BindProperty(SupportsGet = true, Name = "adresse")] public string? Address { get; set; }

    [BindProperty(Name = "beschreibung")] public string? Description { get; set; }
    [BindProperty(Name = "email")] public string? Email { get; set; }
    [BindProperty(Name = "fotos")] public List<IFormFile> Photos { get; set; } = [];

    public List<ReportCategory> Categories { get; private set; } = [];
    public ReportCategory? Category { get; private set; }
    public ReportSettings Settings { get; private set; } = new();
    public DistrictFinder Map { get; private set; } = null!;
    /// <summary>Set once the place is known and inside the area: the last step shows.</summary>
    public (double Latitude, double Longitude)? Place { get; private set; }
    public string? DistrictName { get; private set; }
    public List<PublicReport> Nearby { get; private set; } = [];
    public Dictionary<string, string[]> Answers { get; private set; } = [];
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (CategoryCode is not null && Category is null)
        {
            ModelState.AddModelError("kategorie", text["Bitte wählen Sie eine Kategorie."]);
            return this.PageWithErrors();
        }
        if (Category is null || (Lat is null && Lon is null && Address is null))
            return Page();
        return await PlaceAsync(ct) ? Page() : this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Category is null || !await PlaceAsync(ct))
        {
            if (Category is null)
                ModelState.AddModelError("kategorie", text["Bitte wählen Sie eine Kategorie."]);
            return this.PageWithErrors();
        }
        Answers = Category.Fields.Where(f => f.Variable)
            .ToDictionary(f => f.Code, f => Request.Form[FieldName(f)].Where(v => v is not null).Select(v => v!).ToArray());
        var streams = Photos.Where(p => p.Length > 0).Select(p => p.OpenReadStream()).ToList();
        try
        {
            var input = new SubmitReportInput
            {
                CategoryCode = Category.Code,
                Latitude = Place!.Value.Latitude,
                Longitude = Place.Value.Longitude,
                Address = Address,
                Description = Description ?? "",
                Email = Email,
                ReporterUserId = SignedIn && Guid.TryParse(users.GetUserId(User), out var id) ? id : null,
                Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de",
                Answers = Answers,
                Photos = streams.Select(s => new PhotoUpload(s)).ToList(),
            };
            var sender = MailSender.Of(HttpContext);
            var result = await submit.RunAsync(input, sender, ct);
            if (result.Report is { } report)
            {
                this.Flash(input.Email is { Length: > 0 } && report.ReporterEmailVerifiedAt is null
                    ? text["Vielen Dank! Ihre Meldung hat die Nummer {0}. Bitte bestätigen Sie noch Ihre E-Mail-Adresse: Wir haben Ihnen einen Link geschickt.", report.PublicId]
                    : text["Vielen Dank! Ihre Meldung hat die Nummer {0}.", report.PublicId]);
                return Redirect($"/meldungen/{report.PublicId}");
            }
            // In the order the fields stand in the form, so the summary reads top to bottom.
            foreach (var refusal in result.Refusals.OrderBy(Rank))
                ModelState.AddModelError(KeyOf(refusal), ReportTexts.Message(refusal, text,
                    Category.Fields.FirstOrDefault(f => f.Code == refusal.Field)?.Label, Settings.MaxPhotos));
            return this.PageWithErrors();
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }

    public static string FieldName(ReportCategoryField field) => $"feld.{field.Code}";

    private string KeyOf(SubmitRefusal refusal) => refusal.Problem switch
    {
        SubmitProblem.MissingField or SubmitProblem.InvalidFieldValue => Category!.Fields.FirstOrDefault(f => f.Code == refusal.Field) is { } f ? FieldName(f) : "",
        SubmitProblem.DescriptionTooShort or SubmitProblem.DescriptionTooLong => "beschreibung",
        SubmitProblem.EmailInvalid or SubmitProblem.EmailRequired => "email",
        SubmitProblem.TooManyPhotos or SubmitProblem.PhotoTooLarge or SubmitProblem.NotAnImage or SubmitProblem.DamagedImage => "fotos",
        SubmitProblem.UnknownCategory or SubmitProblem.InactiveCategory => "kategorie",
        _ => "lat",
    };

    private int Rank(SubmitRefusal refusal) => KeyOf(refusal) switch
    {
        "kategorie" or "lat" => 0,
        "beschreibung" => 1,
        "fotos" => 10_000,
        "email" => 10_001,
        _ => 2 + Category!.Fields.FindIndex(f => f.Code == refusal.Field),
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await ReportSettings.LoadAsync(db, ct);
        Categories = await db.Set<ReportCategory>().AsNoTracking().Include(c => c.Fields).Where(c => c.Active)
            .OrderBy(c => c.Group).ThenBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        Category = Categories.FirstOrDefault(c => c.Code == CategoryCode);
        Category?.Fields.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : string.CompareOrdinal(a.Code, b.Code));
        Map = await DistrictFinder.LoadAsync(db, ct);
    }

    // The place step: coordinates as typed or clicked, else the address through the geocoder; then the area.
    private async Task<bool> PlaceAsync(CancellationToken ct)
    {
        double latitude, longitude;
        if (!string.IsNullOrWhiteSpace(Lat) || !string.IsNullOrWhiteSpace(Lon))
        {
            if (!double.TryParse(Lat?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out latitude)
                || !double.TryParse(Lon?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out longitude))
            {
                ModelState.AddModelError("lat", text["Bitte geben Sie Breite und Länge als Zahlen an, zum Beispiel 51.0051 und 10.0052."]);
                return false;
            }
        }
        else if (!string.IsNullOrWhiteSpace(Address))
        {
            if (Address.Length > SubmitReport.MaxAddress)
            {
                ModelState.AddModelError("adresse", text["Die Adresse ist zu lang."]);
                return false;
            }
            if (await geocoder.EndpointAsync(ct) is null)
            {
                ModelState.AddModelError("adresse", text["Die Suche nach Adressen ist hier nicht eingerichtet. Bitte wählen Sie den Ort auf der Karte oder geben Sie die Koordinaten an."]);
                return false;
            }
            if (await geocoder.FindAsync(Address, ct) is not { } found)
            {
                ModelState.AddModelError("adresse", text["Zu dieser Adresse haben wir keinen Ort gefunden."]);
                return false;
            }
            (latitude, longitude) = found;
        }
        else
        {
            ModelState.AddModelError("lat", text["Bitte wählen Sie den Ort auf der Karte oder geben Sie Koordinaten oder eine Adresse an."]);
            return false;
        }
        if (!DistrictLocator.InRange(latitude, longitude))
        {
            ModelState.AddModelError("lat", text["Die Koordinaten liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)."]);
            return false;
        }
        var placement = await area.PlaceAsync(latitude, longitude, Settings, ct);
        if (!placement.Inside)
        {
            ModelState.AddModelError("lat", text["Dieser Ort liegt außerhalb des Gebiets, für das wir Meldungen annehmen."]);
            return false;
        }
        Place = (latitude, longitude);
        Lat = latitude.ToString("0.######", CultureInfo.InvariantCulture);
        Lon = longitude.ToString("0.######", CultureInfo.InvariantCulture);
        DistrictName = placement.District?.Name;
        Nearby = await reports.NearbyOpenAsync(Category!.Id, latitude, longitude, ct);
        return true;
    }

    /// <summary>This step's URL: the category and the place travel in the query string.</summary>
    public string StepUrl(bool withPlace) =>
        "/melden" + QueryString.Create(new Dictionary<string, string?>
        {
            ["kategorie"] = Category?.Code, ["lat"] = withPlace ? Lat : null, ["lon"] = withPlace ? Lon : null, ["adresse"] = withPlace ? Address : null,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
