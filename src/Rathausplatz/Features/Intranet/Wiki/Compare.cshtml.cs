namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>What changed between two revisions of a page (?von=&amp;bis=), title and text, through the shared <see cref="TextDiff"/>.</summary>
public sealed class CompareModel(WikiAccess access, WikiQuery query) : WikiPageModel(access, query)
{
    public WikiQuery.Revision From { get; private set; } = null!;
    public WikiQuery.Revision To { get; private set; } = null!;
    public List<FieldChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, string slug, int von, int bis, CancellationToken ct)
    {
        if (await OpenPageAsync(id, slug, false, ct) is { } refused)
            return refused;
        var revisions = await Query.RevisionsAsync(Current.Id, ct);
        if (revisions.FirstOrDefault(r => r.Number == von) is not { } from || revisions.FirstOrDefault(r => r.Number == bis) is not { } to)
            return NotFound();
        (From, To) = (from, to);
        var (older, newer) = (await Query.RevisionAsync(Current.Id, von, ct), await Query.RevisionAsync(Current.Id, bis, ct));
        Changes = [.. new[]
        {
            TextDiff.Compare(Texts.Key("Titel"), older!.Title, newer!.Title, multiline: false),
            TextDiff.Compare(Texts.Key("Text"), older.Body, newer.Body, multiline: true),
        }.OfType<FieldChange>()];
        return Page();
    }
}
