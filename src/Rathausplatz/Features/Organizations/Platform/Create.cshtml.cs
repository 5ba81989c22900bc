using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Platform;

/// <summary>A platform admin adds a municipality with its first host name; the rest is set on its settings page.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class CreateModel(ManageOrganizations organizations, InviteMember invitations, IStringLocalizer<SharedResource> text) : PageModel
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
                // Without a first admin nobody could ever sign in to the new municipality.
                var invited = await invitations.InviteAsync(created.Id, created.Name, created.Hosts[0].HostName, Request.Scheme,
                    new InviteMember.Invitation(Input.AdminEmail, Input.AdminName, [Roles.OrganizationAdmin]), ct);
                this.Flash(invited == InvitationOutcome.Invited
                    ? text["Die Kommune {0} ist angelegt. Die erste Verwaltungsperson bekommt eine Einladung per E-Mail.", created.Name]
                    : text["Die Kommune {0} ist angelegt, aber die Einladung an die erste Verwaltungsperson ist gescheitert (gibt es die Adresse dort schon?).", created.Name]);
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

    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(100, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name der ersten Verwaltungsperson")]
    public string AdminName { get; set; } = "";

    [Required(ErrorMessage = "Bitte geben Sie eine E-Mail-Adresse an.")]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail der ersten Verwaltungsperson")]
    public string AdminEmail { get; set; } = "";
}
