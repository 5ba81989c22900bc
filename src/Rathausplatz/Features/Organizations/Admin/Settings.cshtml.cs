using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Admin;

/// <summary>The organisation admin edits their own municipality's settings. The logo has its own page (<see cref="LogoModel"/>).</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class SettingsModel(AppDb db, ManageOrganizations organizations, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public OrganizationSettings Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = HttpContext.Organization().Id;
        var org = await db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == id, ct);
        Input = OrganizationSettings.From(org);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }
        await organizations.UpdateAsync(HttpContext.Organization().Id, Input, ct);
        this.Flash(text["Die Einstellungen sind gespeichert."]);
        return RedirectToPage();
    }
}
