using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Desk.Admin;

/// <summary>One category: its settings and its extra fields (the Open311 service definition).</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class CategoryModel(AppDb db, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public ReportCategory Category { get; private set; } = null!;
    public List<Department> Departments { get; private set; } = [];
    public CategoryInput Input { get; private set; } = new();
    public FieldInput Field { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
            return NotFound();
        Input = CategoryInput.From(Category);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, [Bind(Prefix = nameof(Input))] CategoryInput input, CancellationToken ct)
    {
        ModelState.Remove("Input.Code");
        if (!await LoadAsync(code, ct))
            return NotFound();
        Input = input;
        input.Code = Category.Code;
        if (input.DepartmentId is { } departmentId && Departments.All(d => d.Id != departmentId))
            ModelState.AddModelError("Input.DepartmentId", text["Bitte wählen Sie eine Abteilung aus der Liste."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var category = await db.Set<ReportCategory>().SingleAsync(c => c.Id == Category.Id, ct);
        input.ApplyTo(category);
        category.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Done(text["Die Kategorie ist gespeichert."]);
    }

    public async Task<IActionResult> OnPostFieldAsync(string code, [Bind(Prefix = nameof(Field))] FieldInput input, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
            return NotFound();
        Input = CategoryInput.From(Category);
        Field = input;
        var values = input.ParseValues();
        if (!Enum.IsDefined(input.Datatype))
            ModelState.AddModelError("Field.Datatype", text["Bitte wählen Sie einen Typ."]);
        if (values is null)
            ModelState.AddModelError("Field.Values", text["Bitte eine Zeile je Wert, Schlüssel=Name, jeder Schlüssel einmal."]);
        else if (input.Datatype is ReportFieldType.SingleValueList or ReportFieldType.MultiValueList && values.Count == 0)
            ModelState.AddModelError("Field.Values", text["Eine Auswahl braucht mindestens einen Wert."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var fieldCode = input.Code!.Trim();
        var field = await db.Set<ReportCategoryField>().SingleOrDefaultAsync(f => f.CategoryId == Category.Id && f.Code == fieldCode, ct);
        if (field is null)
        {
            field = new ReportCategoryField { CategoryId = Category.Id, Code = fieldCode, Label = "" };
            db.Add(field);
        }
        field.Label = input.Label!.Trim();
        field.Datatype = input.Datatype;
        field.DatatypeDescription = string.IsNullOrWhiteSpace(input.DatatypeDescription) ? null : input.DatatypeDescription.Trim();
        field.Required = input.Required;
        field.Variable = input.Variable;
        field.Position = input.Position;
        field.Values = input.Datatype is ReportFieldType.SingleValueList or ReportFieldType.MultiValueList ? values! : [];
        await db.Set<ReportCategory>().Where(c => c.Id == Category.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
        await db.SaveChangesAsync(ct);
        return Done(text["Das Feld {0} ist gespeichert.", fieldCode]);
    }

    public async Task<IActionResult> OnPostRemoveFieldAsync(string code, Guid fieldId, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
            return NotFound();
        // Answers already given stay in the reports; only new reports no longer ask.
        // Through the change tracker, with the category's change time (Open311's changeset): the save evicts cached answers.
        var field = await db.Set<ReportCategoryField>().SingleOrDefaultAsync(f => f.Id == fieldId && f.CategoryId == Category.Id, ct);
        if (field is not null)
        {
            db.Remove(field);
            var category = await db.Set<ReportCategory>().SingleAsync(c => c.Id == Category.Id, ct);
            category.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return Done(text["Das Feld ist entfernt."]);
    }

    private RedirectResult Done(string message)
    {
        this.Flash(message);
        return Redirect($"/admin/meldekategorien/{Uri.EscapeDataString(Category.Code)}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var category = await db.Set<ReportCategory>().AsNoTracking().Include(c => c.Fields).SingleOrDefaultAsync(c => c.Code == code, ct);
        if (category is null)
            return false;
        Category = category;
        Departments = (await db.Set<Department>().AsNoTracking().ToListAsync(ct)).OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return true;
    }

    public static string TypeName(ReportFieldType type) => type switch
    {
        ReportFieldType.String => Texts.Key("Kurzer Text"),
        ReportFieldType.Text => Texts.Key("Langer Text"),
        ReportFieldType.Number => Texts.Key("Zahl"),
        ReportFieldType.Datetime => Texts.Key("Datum und Uhrzeit"),
        ReportFieldType.SingleValueList => Texts.Key("Auswahl (ein Wert)"),
        _ => Texts.Key("Auswahl (mehrere Werte)"),
    };
}
