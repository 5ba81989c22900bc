namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// A new page, empty or from a template (?vorlage=: a built-in one or a page of this wiki marked as template), under
/// a parent (?oben=) and with a title (?titel=, where a [[link]] to a missing page leads); in the knowledge base also
/// from a question's best answer (?frage=, "Im Wiki festhalten").
/// </summary>
public sealed class NewModel(SaveWikiPage saving, WikiAccess access, WikiQuery query, People.BestAnswerDraft answers,
    IStringLocalizer<SharedResource> text) : WikiFormPageModel(access, query)
{
    public override Guid? Self => null;
    public List<WikiQuery.Node> PageTemplates { get; private set; } = [];
    public string? Chosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string? vorlage, string? titel, Guid? oben, Guid? frage, CancellationToken ct)
    {
        if (await OpenWikiAsync(id, true, ct) is { } refused)
            return refused;
        PageTemplates = await Query.TemplatesAsync(Wiki, ct);
        Form = new WikiForm { Title = titel?.Trim(), ParentId = oben is { } parent && Tree.Any(n => n.Id == parent) ? parent : null };
        if (WikiTemplates.BuiltIn.FirstOrDefault(t => t.Key == vorlage) is { } builtIn)
            (Chosen, Form.Body) = (builtIn.Key, builtIn.Body);
        else if (Guid.TryParse(vorlage, out var templateId) && PageTemplates.FirstOrDefault(t => t.Id == templateId) is { } template)
        {
            Chosen = vorlage;
            Form.Body = (await Query.FindAsync(Wiki, template.Slug, ct))?.Body;
        }
        // Questions are for staff: their answers go into the knowledge base, never into a space's wiki that guests read.
        else if (frage is { } questionId && Wiki.SpaceId is null && await answers.FindAsync(questionId, ct) is { } draft)
            (Form.Title, Form.Body) = (Form.Title ?? draft.Title, draft.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (await OpenWikiAsync(id, true, ct) is { } refused)
            return refused;
        var result = await saving.CreateAsync(Wiki, Form.ToInput(), ct);
        if (result.Page is { } created)
        {
            this.Flash(text["Die Seite ist angelegt."]);
            return Redirect(Wiki.PathOf(created.Slug));
        }
        if (result.Problem == WikiProblem.NotAllowed)
            return Forbid();
        AddProblem(result.Problem!.Value, text);
        PageTemplates = await Query.TemplatesAsync(Wiki, ct);
        return this.PageWithErrors();
    }

    /// <summary>The address of this form with template <paramref name="key"/>, keeping title and parent.</summary>
    public string WithTemplate(string? key)
    {
        var query = new List<string>();
        if (key is not null) query.Add($"vorlage={Uri.EscapeDataString(key)}");
        if (!string.IsNullOrWhiteSpace(Form.Title)) query.Add($"titel={Uri.EscapeDataString(Form.Title)}");
        if (Form.ParentId is { } parent) query.Add($"oben={parent}");
        return $"{Wiki.Path}/neu" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
