using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>What the new and edit pages share: the form, the choices of topics and districts, the checks.</summary>
public abstract class PostFormPage(AppDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    protected AppDb Db => db;
    protected IStringLocalizer<SharedResource> Text => text;

    [BindProperty]
    public PostForm Input { get; set; } = new();

    public PostType PostType { get; protected set; }
    public List<Choice> Topics { get; private set; } = [];
    public List<Choice> Districts { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Topics = await db.Set<Topic>().AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        Districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new Choice(d.Id, d.Name)).ToListAsync(ct);
    }

    /// <summary>Adds the type's own checks to the model state; true when the form may be saved.</summary>
    protected bool Check()
    {
        foreach (var (field, message) in Input.ProblemsFor(PostType))
            ModelState.AddModelError($"{nameof(Input)}.{field}", text[message]);
        return ModelState.IsValid;
    }

    protected void ReportSlugTaken() =>
        ModelState.AddModelError($"{nameof(Input)}.{nameof(PostForm.Slug)}", text["Diese Adresse hat schon ein anderer Beitrag."]);

    protected async Task<PageResult> RefusedAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return this.PageWithErrors();
    }
}
