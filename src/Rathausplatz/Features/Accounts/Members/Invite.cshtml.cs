using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Accounts.Members;

/// <summary>An organisation admin invites staff (or anyone) with roles; they choose their password from the mail.</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class InviteModel(InviteMember invitations, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [Roles.Staff];

    public IEnumerable<string> OfferedRoles => Roles.All.Where(r => r != Roles.PlatformAdmin || User.IsInRole(Roles.PlatformAdmin));

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SelectedRoles.Any(r => !OfferedRoles.Contains(r)))
            ModelState.AddModelError(nameof(SelectedRoles), text["Diese Rolle gibt es nicht."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var organization = HttpContext.Organization();
        var outcome = await invitations.InviteAsync(organization.Id, organization.Name, Request.Host.Value!, Request.Scheme,
            new InviteMember.Invitation(Input.Email, Input.DisplayName, SelectedRoles), ct);
        switch (outcome)
        {
            case InvitationOutcome.Invited:
                this.Flash(text["{0} ist eingeladen und bekommt eine E-Mail.", Input.DisplayName]);
                return Redirect("/admin/members");
            case InvitationOutcome.AlreadyMember:
                ModelState.AddModelError("Input.Email", text["Zu dieser E-Mail-Adresse gibt es schon ein Konto. Ändern Sie dort die Rollen."]);
                break;
            default:
                ModelState.AddModelError("", text["Die Einladung konnte nicht angelegt werden. Bitte prüfen Sie die Angaben."]);
                break;
        }
        return this.PageWithErrors();
    }
}

public sealed class InviteInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(100, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Bitte geben Sie eine E-Mail-Adresse an.")]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail-Adresse")]
    public string Email { get; set; } = "";
}
