namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// The revisions of a page, newest first: who saved when, under which title; a comparison of any two; and for
/// editors "restore", which saves an older revision's title and text again as a new revision.
/// </summary>
public sealed class HistoryModel(SaveWikiPage saving, WikiAccess access, WikiQuery query, IStringLocalizer<SharedResource> text) : WikiPageModel(access, query)
{
    public List<WikiQuery.Revision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, string slug, CancellationToken ct) =>
        await LoadAsync(id, slug, false, ct) ?? Page();

    public async Task<IActionResult> OnPostRestoreAsync(Guid? id, string slug, int number, int baseVersion, CancellationToken ct)
    {
        if (await LoadAsync(id, slug, true, ct) is { } refused)
            return refused;
        var result = await saving.RestoreAsync(Wiki, Current.Id, number, baseVersion, ct);
        if (result.Page is not null)
        {
            this.Flash(text["Version {0} ist wiederhergestellt.", number]);
            return Redirect(PagePath);
        }
        if (result.Problem == WikiProblem.NotFound)
            return NotFound();
        if (result.Problem == WikiProblem.NotAllowed)
            return Forbid();
        ModelState.AddModelError("", result.Problem == WikiProblem.Conflict
            ? text["Die Seite ist inzwischen neu gespeichert worden. Bitte prüfen Sie die Versionen und stellen Sie dann erneut wieder her."]
            : WikiTexts.Message(result.Problem!.Value, text));
        if (result.Problem == WikiProblem.Conflict)
        {
            await LoadAsync(id, slug, true, ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return this.PageWithErrors();
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, string slug, bool edit, CancellationToken ct)
    {
        if (await OpenPageAsync(id, slug, edit, ct) is { } refused)
            return refused;
        Revisions = await Query.RevisionsAsync(Current.Id, ct);
        return null;
    }
}
