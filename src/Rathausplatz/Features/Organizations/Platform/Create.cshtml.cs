using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Web;

namespace Rathausplatz.Features.Organizations.Platform;

/// <summary>A platform admin adds a municipality with its first host name; the rest is set on its settings page.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class CreateModel(ManageOrganizations organizations, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public NewOrganization Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (created, problem) = await organizations.CreateAsync(Input.Name, Input.Slug, Input.HostName, ct);
            if (created is not null)
            {
                this.Flash(text["Die Kommune {0} ist angelegt.", created.Name]);
                return Redirect($"/platform/organizations/{created.Id}");
            }
            // The use case names the problem in German; it is a localizer key like every UI text.
            ModelState.AddModelError("", text[problem!]);
        }
        return this.PageWithErrors();
    }
}

public sealed class NewOrganization
{
    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Bitte geben Sie eine Kurzbezeichnung an.")]
    [StringLength(63, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Kurzbezeichnung")]
    public string Slug { get; set; } = "";

    [Required(ErrorMessage = "Bitte geben Sie einen Hostnamen an.")]
    [StringLength(253, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Hostname")]
    public string HostName { get; set; } = "";
}
