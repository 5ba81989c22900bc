using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Desk.Admin;

/// <summary>How the organisation takes reports: anonymous or with an address, how many photos, and the area.</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class SettingsModel(AppDb db, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ReportSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = ReportSettingsInput.From(await ReportSettings.LoadAsync(db, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var boundary = string.IsNullOrWhiteSpace(Input.BoundaryGeoJson) ? null : AddToStructure.Boundary(Input.BoundaryGeoJson);
        if (boundary is null && !string.IsNullOrWhiteSpace(Input.BoundaryGeoJson))
            ModelState.AddModelError("Input.BoundaryGeoJson", text["Bitte geben Sie die Grenze als GeoJSON-Polygon oder -MultiPolygon mit geschlossenen Ringen an."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var settings = await db.Set<ReportSettings>().FirstOrDefaultAsync(ct);
        if (settings is null)
            db.Add(settings = new ReportSettings());
        settings.AnonymousAllowed = Input.AnonymousAllowed;
        settings.MaxPhotos = Input.MaxPhotos!.Value;
        settings.BoundaryGeoJson = boundary;
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        this.Flash(text["Die Einstellungen sind gespeichert."]);
        return RedirectToPage();
    }
}

public sealed class ReportSettingsInput
{
    public bool AnonymousAllowed { get; set; } = true;

    [Required(ErrorMessage = "Bitte geben Sie eine Zahl an.")]
    [Range(0, ReportSettings.MaxMaxPhotos, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Fotos je Meldung, höchstens")]
    public int? MaxPhotos { get; set; } = ReportSettings.DefaultMaxPhotos;

    /// <summary>Bounded like a district's boundary: a town's outline is far below it.</summary>
    [StringLength(1_000_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Gebiet, aus dem Meldungen kommen dürfen")]
    public string? BoundaryGeoJson { get; set; }

    public static ReportSettingsInput From(ReportSettings settings) => new()
    {
        AnonymousAllowed = settings.AnonymousAllowed,
        MaxPhotos = settings.MaxPhotos,
        BoundaryGeoJson = settings.BoundaryGeoJson,
    };
}
