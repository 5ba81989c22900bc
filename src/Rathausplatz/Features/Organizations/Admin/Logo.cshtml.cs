using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Admin;

/// <summary>
/// Uploads the organisation's logo. A page of its own because Razor Pages take a request size limit
/// only per page: room for a logo just over the allowed size (so it gets a friendly field error),
/// while anything bigger is refused with 413 before it is read.
/// </summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
[RequestSizeLimit(2 * ManageOrganizations.MaxLogoBytes)]
[RefuseTooLarge]
public sealed class LogoModel(ManageOrganizations organizations, IStringLocalizer<SharedResource> text) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Logo")] IFormFile? logo, CancellationToken ct)
    {
        if (logo is null || logo.Length == 0)
            return Refuse(text["Bitte wählen Sie eine Bilddatei aus."]);

        await using var content = logo.OpenReadStream();
        var problem = await organizations.SetLogoAsync(HttpContext.Organization().Id, content, logo.Length, ct);
        switch (problem)
        {
            case LogoProblem.TooLarge:
                return Refuse(text["Die Datei ist größer als 512 KB. Bitte verkleinern Sie das Bild."]);
            case LogoProblem.NotAnImage:
                return Refuse(text["Die Datei ist kein PNG-, JPEG- oder WebP-Bild."]);
        }
        this.Flash(text["Das Logo ist gespeichert."]);
        return Redirect("/admin/settings");
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("Logo", message);
        return this.PageWithErrors();
    }
}
