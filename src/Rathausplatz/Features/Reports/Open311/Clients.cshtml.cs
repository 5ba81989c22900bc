using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Reports.Open311;

/// <summary>
/// Organisation admins give client applications API keys for Open311 and revoke them. A new key is shown
/// once, on the answer to the post that made it (never stored, never in a redirect or TempData cookie).
/// </summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class ClientsModel(ManageOpen311Clients clients, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(Open311Client.MaxName, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name der Anwendung")]
    public string Name { get; set; } = "";

    public List<ManageOpen311Clients.ClientRow> Clients { get; private set; } = [];

    /// <summary>Set only on the answer to the post that made the key.</summary>
    public (string Name, string Key)? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Clients = await clients.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Clients = await clients.ListAsync(ct);
            return this.PageWithErrors();
        }
        var (client, key) = await clients.CreateAsync(Name, ActorId(), ct);
        NewKey = (client.Name, key);
        Name = "";
        ModelState.Clear();
        Clients = await clients.ListAsync(ct);
        // The key is in this answer only: no browser or proxy may keep it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (await clients.RevokeAsync(id, ActorId(), ct))
            this.Flash(text["Der Schlüssel ist widerrufen; Meldungen mit ihm werden abgelehnt."]);
        else
            this.Flash(text["Diesen Schlüssel gibt es nicht oder er ist schon widerrufen."]);
        return Redirect("/admin/open311");
    }

    private Guid ActorId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
