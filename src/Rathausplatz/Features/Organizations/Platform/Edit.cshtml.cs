using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Platform;

/// <summary>
/// A platform admin edits any organisation: the same settings its own admins see, and its host names.
/// Three forms, three handlers; each binds only its own fields, so one form's errors never show on another.
/// </summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class EditModel(AppDb db, ManageOrganizations organizations, ChangeHostNames hostNames, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Host(Guid Id, string HostName);

    public string Name { get; private set; } = "";
    public List<Host> Hosts { get; private set; } = [];
    public OrganizationSettings Input { get; private set; } = new();

    [Display(Name = "Neuer Hostname")]
    public string? HostName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSettingsAsync(Guid id, [Bind(Prefix = nameof(Input))] OrganizationSettings input, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!ModelState.IsValid)
        {
            Input = input; // show what was entered, with its messages
            return Refused();
        }
        await organizations.UpdateAsync(id, input, ct);
        return Done(id, text["Die Einstellungen sind gespeichert."]);
    }

    public async Task<IActionResult> OnPostAddHostAsync(Guid id, [FromForm(Name = nameof(HostName))] string? hostName, CancellationToken ct)
    {
        var outcome = await hostNames.AddAsync(id, hostName, ct);
        if (outcome == HostChange.NotFound)
            return NotFound();
        if (outcome == HostChange.Done)
            return Done(id, text["Der Hostname {0} ist hinzugefügt.", ChangeHostNames.Normalize(hostName)!]);

        await LoadAsync(id, ct);
        HostName = hostName;
        ModelState.AddModelError(nameof(HostName), outcome == HostChange.Taken
            ? text["Dieser Hostname gehört schon zu einer Kommune."]
            : text["Der Hostname ist ungültig. Bitte geben Sie ihn ohne https:// und ohne Pfad an, zum Beispiel „beteiligung.musterstadt.de“."]);
        return Refused();
    }

    public async Task<IActionResult> OnPostRemoveHostAsync(Guid id, Guid hostId, CancellationToken ct)
    {
        var outcome = await hostNames.RemoveAsync(id, hostId, Request.Host.Host, ct);
        if (outcome == HostChange.Done)
            return Done(id, text["Der Hostname ist entfernt."]);
        if (!await LoadAsync(id, ct))
            return NotFound();
        ModelState.AddModelError(nameof(Hosts), outcome switch
        {
            HostChange.LastHost => text["Der letzte Hostname einer Kommune kann nicht entfernt werden. Fügen Sie zuerst einen anderen hinzu."],
            HostChange.InUse => text["Über diesen Hostnamen sind Sie gerade angemeldet. Entfernen Sie ihn bitte von einer anderen Adresse aus."],
            _ => text["Diesen Hostnamen gibt es bei dieser Kommune nicht (mehr)."],
        });
        return Refused();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = await db.Set<Organization>().AsNoTracking().Include(o => o.Hosts).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
            return false;
        Name = org.Name;
        Input = OrganizationSettings.From(org);
        Hosts = org.Hosts.OrderBy(h => h.HostName).Select(h => new Host(h.Id, h.HostName)).ToList();
        return true;
    }

    private RedirectResult Done(Guid id, string message)
    {
        this.Flash(message);
        return Redirect($"/platform/organizations/{id}");
    }

    private PageResult Refused()
    {
        return this.PageWithErrors();
    }
}
