using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Desk.Admin;

/// <summary>The departments reports are routed to, with their shared mailbox and how many people work there.</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class DepartmentsModel(AppDb db, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Row(string Name, string Slug, string? ContactEmail, int Members);

    public List<Row> Rows { get; private set; } = [];
    public DepartmentInput Input { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] DepartmentInput input, CancellationToken ct)
    {
        Input = input;
        var slug = AddToStructure.Slug(input.Name ?? "");
        if (ModelState.IsValid && slug is null)
            ModelState.AddModelError("Input.Name", text["Der Name braucht mindestens einen Buchstaben oder eine Ziffer."]);
        else if (ModelState.IsValid && await db.Set<Department>().AnyAsync(d => d.Slug == slug || d.Name == input.Name!.Trim(), ct))
            ModelState.AddModelError("Input.Name", text["Diesen Namen gibt es schon."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return this.PageWithErrors();
        }
        db.Add(new Department
        {
            Name = input.Name!.Trim(), Slug = slug!, ContactEmail = DepartmentInput.Email(input.ContactEmail),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        this.Flash(text["Die Abteilung {0} ist angelegt.", input.Name.Trim()]);
        return Redirect($"/admin/abteilungen/{slug}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Set<Department>().AsNoTracking()
            .Select(d => new Row(d.Name, d.Slug, d.ContactEmail, db.Set<DepartmentMember>().Count(m => m.DepartmentId == d.Id)))
            .ToListAsync(ct);
        Rows = rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}

public sealed class DepartmentInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name der Abteilung")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail-Adresse der Abteilung")]
    public string? ContactEmail { get; set; }

    public static string? Email(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
