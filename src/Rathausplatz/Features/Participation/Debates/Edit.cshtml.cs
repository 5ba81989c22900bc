using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Debates;

/// <summary>A new debate of a process (no id) or an existing one, with a button to remove it.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditModel(ManageDebates debates, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public DebateInput Input { get; set; } = new();

    public ParticipationProcess Process { get; private set; } = null!;
    public Debate? Stored { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        Input = Stored is { } debate ? DebateInput.From(debate) : new();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var saved = await debates.SaveAsync(Process.Id, Stored, Input, User.ParticipantId()!.Value, ct);
        this.Flash(text["Die Debatte ist gespeichert."]);
        return Redirect($"/beteiligung/verwaltung/verfahren/{slug}/debatten/{saved.Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct) || Stored is null)
            return NotFound();
        await debates.RemoveAsync(Stored, ct);
        this.Flash(text["Die Debatte ist gelöscht."]);
        return Redirect($"/beteiligung/verwaltung/verfahren/{slug}");
    }

    private async Task<bool> LoadAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (await debates.FindProcessAsync(slug, ct) is not { } process)
            return false;
        Process = process;
        return id is not { } debateId || (Stored = await debates.FindAsync(process.Id, debateId, ct)) is not null;
    }
}
