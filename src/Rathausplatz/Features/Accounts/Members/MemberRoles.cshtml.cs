namespace Rathausplatz.Features.Accounts.Members;

/// <summary>One member's roles as checkboxes; the rules live in <see cref="ChangeMemberRoles"/>.</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class MemberRolesModel(UserManager<User> users, ChangeMemberRoles changeRoles, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public User Member { get; private set; } = null!;
    public IList<string> CurrentRoles { get; private set; } = [];
    public bool LockedOut { get; private set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    /// <summary>Platform-admin is offered only to platform admins; the use case checks it again.</summary>
    public IEnumerable<string> OfferedRoles => Roles.All.Where(r => r != Roles.PlatformAdmin || User.IsInRole(Roles.PlatformAdmin));

    /// <summary>An organisation admin may look at a platform admin's account but not change it.</summary>
    public bool MayChange => User.IsInRole(Roles.PlatformAdmin) || !CurrentRoles.Contains(Roles.PlatformAdmin);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        SelectedRoles = [.. CurrentRoles];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var actorId = Guid.Parse(users.GetUserId(User)!);
        var outcome = await changeRoles.ExecuteAsync(actorId, id, SelectedRoles, ct);
        switch (outcome)
        {
            case RoleChangeOutcome.MemberNotFound:
                return NotFound();
            case RoleChangeOutcome.NotAllowed:
                return Forbid();
            case RoleChangeOutcome.Changed or RoleChangeOutcome.Unchanged:
                var member = await users.FindByIdAsync(id.ToString());
                this.Flash(outcome == RoleChangeOutcome.Changed
                    ? text["Die Rollen von {0} sind geändert.", member!.DisplayName]
                    : text["Die Rollen von {0} waren schon so.", member!.DisplayName]);
                return Redirect("/admin/members");
        }

        ModelState.AddModelError(nameof(SelectedRoles), outcome switch
        {
            RoleChangeOutcome.UnknownRole => text["Diese Rolle gibt es nicht."],
            RoleChangeOutcome.PlatformAdminOnly => text["Die Rolle „Plattformbetrieb“ und die Rollen von Konten mit dieser Rolle ändern nur Plattform-Admins."],
            RoleChangeOutcome.OwnAdminRoleKept => text["Ihre eigene Verwaltungsrolle können Sie sich nicht nehmen. Bitten Sie eine andere Person mit dieser Rolle darum."],
            _ => text["Die Rollen konnten nicht geändert werden. Bitte versuchen Sie es erneut."],
        });
        if (!await LoadAsync(id))
            return NotFound();
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        // The user store is tenant-filtered: an id from another organisation finds nothing.
        var member = await users.FindByIdAsync(id.ToString());
        if (member is null)
            return false;
        Member = member;
        CurrentRoles = await users.GetRolesAsync(member);
        LockedOut = member.LockoutEnd > time.GetUtcNow();
        return true;
    }
}
