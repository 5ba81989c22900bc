using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>"Neue Aufgabe": for members of a project space, guests included.</summary>
public sealed class NewModel(SpaceAccess access, TaskQuery tasks, SaveTask saving, IStringLocalizer<SharedResource> text) : TaskPageModel(access)
{
    [BindProperty] public TaskForm Input { get; set; } = new();
    public List<TaskQuery.Member> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await WritableAsync(id, ct) is { } refused)
            return refused;
        Members = await tasks.MembersAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await WritableAsync(id, ct) is { } refused)
            return refused;
        ModelState.Clear();
        var result = await saving.CreateAsync(Space, Input.ToInput(), ct);
        if (result.Id is { } taskId)
        {
            this.Flash(text["Die Aufgabe ist angelegt."]);
            return Redirect($"{TasksPath}/{taskId}");
        }
        foreach (var problem in result.Problems)
            ModelState.AddModelError(TaskTexts.Field(problem), TaskTexts.Message(problem, text));
        Members = await tasks.MembersAsync(id, ct);
        return this.PageWithErrors();
    }
}
