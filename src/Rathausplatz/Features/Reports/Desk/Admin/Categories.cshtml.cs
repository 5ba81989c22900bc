using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Desk.Admin;

/// <summary>What citizens can report (the Open311 services): each with its department and due days.</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class CategoriesModel(AppDb db, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Row(string Code, string Name, string? Group, string? Department, int? DueDays, bool Active, int Fields);

    public List<Row> Rows { get; private set; } = [];
    public List<Department> Departments { get; private set; } = [];
    public CategoryInput Input { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] CategoryInput input, CancellationToken ct)
    {
        Input = input;
        await LoadAsync(ct);
        var code = input.Code?.Trim();
        if (ModelState.IsValid && await db.Set<ReportCategory>().AnyAsync(c => c.Code == code, ct))
            ModelState.AddModelError("Input.Code", text["Diesen Code gibt es schon."]);
        if (input.DepartmentId is { } departmentId && Departments.All(d => d.Id != departmentId))
            ModelState.AddModelError("Input.DepartmentId", text["Bitte wählen Sie eine Abteilung aus der Liste."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var now = time.GetUtcNow().UtcDateTime;
        var category = new ReportCategory { Code = code!, Name = "", CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(category);
        db.Add(category);
        await db.SaveChangesAsync(ct);
        this.Flash(text["Die Kategorie {0} ist angelegt.", category.Name]);
        return Redirect($"/admin/meldekategorien/{Uri.EscapeDataString(category.Code)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var byName = StringComparer.CurrentCultureIgnoreCase;
        Departments = (await db.Set<Department>().AsNoTracking().ToListAsync(ct)).OrderBy(d => d.Name, byName).ToList();
        Rows = (await db.Set<ReportCategory>().AsNoTracking()
                .Select(c => new Row(c.Code, c.Name, c.Group, db.Set<Department>().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                    c.DueDays, c.Active, c.Fields.Count))
                .ToListAsync(ct))
            .OrderBy(r => r.Group ?? "", byName).ThenBy(r => r.Name, byName).ToList();
    }
}
