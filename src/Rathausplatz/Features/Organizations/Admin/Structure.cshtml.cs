using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Admin;

/// <summary>
/// Districts and topics of the organisation (the query filter keeps them to this organisation), and
/// adding new ones. Renaming and removing wait until subscriptions exist that would have to follow.
/// </summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class StructureModel(AppDb db, AddToStructure addToStructure, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Entry(string Name, string Slug);

    public List<Entry> Districts { get; private set; } = [];
    public List<Entry> Topics { get; private set; } = [];
    public NewTopic Topic { get; private set; } = new();
    public NewDistrict District { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddTopicAsync([Bind(Prefix = nameof(Topic))] NewTopic topic, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await addToStructure.AddTopicAsync(topic.Name, ct) : (StructureAddition?)null;
        if (outcome == StructureAddition.Added)
            return Done(text["Das Thema {0} ist angelegt.", topic.Name.Trim()]);
        Report(outcome, $"{nameof(Topic)}.{nameof(NewTopic.Name)}", null);
        Topic = topic;
        return await RefusedAsync(ct);
    }

    public async Task<IActionResult> OnPostAddDistrictAsync([Bind(Prefix = nameof(District))] NewDistrict district, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await addToStructure.AddDistrictAsync(district.Name, district.Boundary, ct) : (StructureAddition?)null;
        if (outcome == StructureAddition.Added)
            return Done(text["Der Stadtteil {0} ist angelegt.", district.Name.Trim()]);
        Report(outcome, $"{nameof(District)}.{nameof(NewDistrict.Name)}", $"{nameof(District)}.{nameof(NewDistrict.Boundary)}");
        District = district;
        return await RefusedAsync(ct);
    }

    private void Report(StructureAddition? outcome, string nameField, string? boundaryField)
    {
        switch (outcome)
        {
            case StructureAddition.NameTaken:
                ModelState.AddModelError(nameField, text["Diesen Namen gibt es schon."]);
                break;
            case StructureAddition.NameWithoutLetters:
                ModelState.AddModelError(nameField, text["Der Name braucht mindestens einen Buchstaben oder eine Ziffer."]);
                break;
            case StructureAddition.InvalidBoundary when boundaryField is not null:
                ModelState.AddModelError(boundaryField, text["Bitte geben Sie die Grenze als GeoJSON-Polygon oder -MultiPolygon mit geschlossenen Ringen an."]);
                break;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Sorted here, not in SQL: SQLite's binary order puts "Öffentliches" after "Zentrum".
        var byName = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        Districts = (await db.Set<District>().AsNoTracking().Select(d => new Entry(d.Name, d.Slug)).ToListAsync(ct)).OrderBy(e => e.Name, byName).ToList();
        Topics = (await db.Set<Topic>().AsNoTracking().Select(t => new Entry(t.Name, t.Slug)).ToListAsync(ct)).OrderBy(e => e.Name, byName).ToList();
    }

    private RedirectToPageResult Done(string message)
    {
        this.Flash(message);
        return RedirectToPage();
    }

    private async Task<PageResult> RefusedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.PageWithErrors();
    }
}

public sealed class NewTopic
{
    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(120, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name des Themas")]
    public string Name { get; set; } = "";
}

public sealed class NewDistrict
{
    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(120, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name des Stadtteils")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Bitte geben Sie die Grenze des Stadtteils an.")]
    [StringLength(500_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Grenze (GeoJSON)")]
    public string Boundary { get; set; } = "";
}
