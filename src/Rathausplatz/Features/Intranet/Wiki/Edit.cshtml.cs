namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// Edits a page. The form carries the version it was opened at; when someone else saved in between, the save is
/// refused (409) and the form comes back with the editor's own text kept, the difference to the page as it is now,
/// and the new version as base: saving again then deliberately replaces the other person's version (which stays
/// in the history).
/// </summary>
public sealed class EditModel(SaveWikiPage saving, WikiAccess access, WikiQuery query, IStringLocalizer<SharedResource> text) : WikiFormPageModel(access, query)
{
    [BindProperty] public int BaseVersion { get; set; }

    public override Guid? Self => Current.Id;

    /// <summary>After a refused save: who saved meanwhile, and how their version differs from the editor's text.</summary>
    public string? ConflictAuthor { get; private set; }
    public List<FieldChange>? ConflictChanges { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string slug, CancellationToken ct)
    {
        if (await OpenPageAsync(id, slug, true, ct) is { } refused)
            return refused;
        Form = new WikiForm { Title = Current.Title, Body = Current.Body, ParentId = Current.ParentId, IsTemplate = Current.IsTemplate };
        BaseVersion = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string slug, CancellationToken ct)
    {
        if (await OpenPageAsync(id, slug, true, ct) is { } refused)
            return refused;
        var result = await saving.UpdateAsync(Wiki, Current.Id, Form.ToInput(), BaseVersion, ct);
        if (result.Page is not null)
        {
            this.Flash(text["Die Seite ist gespeichert."]);
            return Redirect(PagePath);
        }
        switch (result.Problem)
        {
            case WikiProblem.NotAllowed:
                return Forbid();
            case WikiProblem.NotFound:
                return NotFound();
            case WikiProblem.Conflict:
                // The page as it is now: the editor compares and decides; their text stays in the form.
                if (await Query.FindAsync(Wiki, slug, ct) is not { } now)
                    return NotFound();
                ConflictAuthor = await Query.LastAuthorAsync(now.Id, now.Version, ct) ?? text["gelöschtes Konto"];
                ConflictChanges = [.. new[]
                {
                    TextDiff.Compare(Texts.Key("Titel"), now.Title, Form.Title, multiline: false),
                    TextDiff.Compare(Texts.Key("Text"), now.Body, Form.Body, multiline: true),
                }.OfType<FieldChange>()];
                ModelState.Remove(nameof(BaseVersion));
                BaseVersion = now.Version;
                ModelState.AddModelError("", WikiTexts.Message(WikiProblem.Conflict, text));
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                AddProblem(result.Problem!.Value, text);
                return this.PageWithErrors();
        }
    }
}
