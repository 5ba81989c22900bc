using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Intranet.Spaces;

/// <summary>
/// The people of a space with their handles (for @mentions). Owners and organisation admins also decide
/// requests, add colleagues, invite external guests by e-mail, change roles and remove members.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class MembersModel(AppDb db, SpaceAccess access, ManageMembers manage, InviteGuest guests,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record MemberRow(Guid UserId, string Name, string Handle, SpaceRole Role);
    public sealed record RequestRow(Guid UserId, string Name, DateTime At);

    [BindProperty, Display(Name = "E-Mail-Adresse der Kollegin oder des Kollegen")] public string? StaffEmail { get; set; }
    [BindProperty, Display(Name = "Name")] public string? GuestName { get; set; }
    [BindProperty, Display(Name = "E-Mail-Adresse")] public string? GuestEmail { get; set; }

    public SpaceAccess.View Space { get; private set; } = null!;
    public List<MemberRow> Members { get; private set; } = [];
    public List<RequestRow> Requests { get; private set; } = [];

    public string Path => $"/intranet/raeume/{Space.Space.Id}/mitglieder";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, manage: false, ct) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid userId, CancellationToken ct) =>
        ManageAsync(id, v => manage.ApproveAsync(v, userId, ct), text["Die Anfrage ist angenommen."], null, ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, Guid userId, CancellationToken ct) =>
        ManageAsync(id, v => manage.DeclineAsync(v, userId, ct), text["Die Anfrage ist abgelehnt."], null, ct);

    public Task<IActionResult> OnPostRoleAsync(Guid id, Guid userId, SpaceRole role, CancellationToken ct) =>
        ManageAsync(id, v => ModelState.IsValid ? manage.ChangeRoleAsync(v, userId, role, ct) : Task.FromResult(MembershipOutcome.NotFound),
            text["Die Rolle ist geändert."], null, ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId, CancellationToken ct) =>
        ManageAsync(id, v => manage.RemoveAsync(v, userId, ct), text["Die Person gehört nicht mehr zum Raum."], null, ct);

    public Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, v => manage.AddStaffByEmailAsync(v, StaffEmail, ct), text["Die Kollegin oder der Kollege gehört jetzt zum Raum."],
            nameof(StaffEmail), ct);

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, manage: true, ct) is { } refused)
            return refused;
        var name = GuestName?.Trim() ?? "";
        var email = GuestEmail?.Trim() ?? "";
        ModelState.Clear();
        if (name.Length == 0)
            ModelState.AddModelError(nameof(GuestName), text["Bitte geben Sie einen Namen an."]);
        else if (name.Length > 100)
            ModelState.AddModelError(nameof(GuestName), text["Der Name darf höchstens {0} Zeichen lang sein.", 100]);
        if (!new EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 254)
            ModelState.AddModelError(nameof(GuestEmail), text["Bitte geben Sie eine gültige E-Mail-Adresse an."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var organization = HttpContext.Organization();
        var outcome = await guests.RunAsync(Space, new InviteGuest.Input(email, name, organization.Name, Request.Host.Value!, Request.Scheme), ct);
        switch (outcome)
        {
            case GuestInvitationOutcome.Invited:
                this.Flash(text["{0} ist als Gast eingeladen und bekommt eine E-Mail.", name]);
                return Redirect(Path);
            case GuestInvitationOutcome.Added:
                this.Flash(text["{0} hat schon ein Konto und gehört jetzt als Gast zum Raum.", name]);
                return Redirect(Path);
            case GuestInvitationOutcome.NotAllowed:
                return Forbid();
            case GuestInvitationOutcome.AlreadyMember:
                ModelState.AddModelError(nameof(GuestEmail), text["Die Person gehört schon zu diesem Raum."]);
                break;
            default:
                ModelState.AddModelError(nameof(GuestEmail), text["Die Einladung konnte nicht angelegt werden. Bitte prüfen Sie die Angaben."]);
                break;
        }
        await LoadAsync(id, manage: true, ct);
        return this.PageWithErrors();
    }

    private async Task<IActionResult> ManageAsync(Guid id, Func<SpaceAccess.View, Task<MembershipOutcome>> change, string done, string? field,
        CancellationToken ct)
    {
        if (await LoadAsync(id, manage: true, ct) is { } refused)
            return refused;
        var outcome = await change(Space);
        if (outcome == MembershipOutcome.NotAllowed)
            return Forbid();
        if (outcome == MembershipOutcome.Done)
        {
            this.Flash(done);
            // An owner who made themselves a member can no longer manage; an admin always can.
            return Redirect(Path);
        }
        ModelState.Clear();
        ModelState.AddModelError(field ?? "", IntranetTexts.Message(outcome, text));
        await LoadAsync(id, manage: true, ct);
        return this.PageWithErrors();
    }

    /// <summary>Null when the caller may read the members (and manage them, where <paramref name="manage"/>); otherwise the answer.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, bool manage, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space)
            return NotFound();
        if (!space.CanRead || (manage && !space.CanManage))
            return Forbid();
        Space = space;
        var rows = await (from m in db.Set<SpaceMember>()
                          join u in db.Users on m.UserId equals u.Id
                          where m.SpaceId == id
                          select new { m.UserId, u.DisplayName, m.Role }).ToListAsync(ct);
        Members = rows.OrderBy(r => r.Role).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
            .Select(r => new MemberRow(r.UserId, r.DisplayName, StreamText.HandleOf(r.DisplayName), r.Role)).ToList();
        if (space.CanManage)
            Requests = await (from r in db.Set<JoinRequest>()
                              join u in db.Users on r.UserId equals u.Id
                              where r.SpaceId == id
                              orderby r.At
                              select new RequestRow(r.UserId, u.DisplayName, r.At)).ToListAsync(ct);
        return null;
    }
}
