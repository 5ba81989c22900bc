using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.ProcessPages;

/// <summary>A new page of a process (no id) or an existing one, with a button to remove it.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditPageModel(ManageProcessPages pages, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public ProcessPageInput Input { get; set; } = new();

    public ParticipationProcess Process { get; private set; } = null!;
    public ProcessPage? Stored { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid? id, string? art, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        Input = Stored is { } page ? ProcessPageInput.From(page) : new() { Kind = art == "ergebnisse" ? ProcessPageKind.Results : ProcessPageKind.Information };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        if (await pages.SaveAsync(Process.Id, Stored, Input, ct) is not { } saved)
            return BadRequest();
        this.Flash(text["Die Seite ist gespeichert."]);
        return Redirect($"/beteiligung/verwaltung/verfahren/{slug}/seiten/{saved.Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct) || Stored is null)
            return NotFound();
        await pages.RemoveAsync(Stored, ct);
        this.Flash(text["Die Seite ist gelöscht."]);
        return Redirect($"/beteiligung/verwaltung/verfahren/{slug}/termine");
    }

    private async Task<bool> LoadAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (await pages.FindProcessAsync(slug, ct) is not { } process)
            return false;
        Process = process;
        return id is not { } pageId || (Stored = await pages.FindPageAsync(process.Id, pageId, ct)) is not null;
    }
}
