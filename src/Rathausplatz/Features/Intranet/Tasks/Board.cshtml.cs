using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>
/// The board: one column per state. Each card carries a small form with a button per other column, so moving a
/// task needs no script; the form names the version it saw, so a move over someone else's change is refused.
/// </summary>
public sealed class BoardModel(SpaceAccess access, TaskQuery tasks, SaveTask saving, IStringLocalizer<SharedResource> text) : TaskPageModel(access)
{
    public List<TaskQuery.TaskView> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        Tasks = await tasks.ListAsync(id, null, false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid taskId, int version, TaskState state, CancellationToken ct)
    {
        if (await WritableAsync(id, ct) is { } refused)
            return refused;
        var result = await saving.MoveAsync(Space, taskId, version, state, ct);
        if (result.Id is not null)
        {
            this.Flash(text["Die Aufgabe steht jetzt unter „{0}“.", TaskTexts.Label(state, text)]);
            return Redirect($"{TasksPath}/board#aufgabe-{taskId}");
        }
        if (result.Problems.Contains(TaskProblem.NotFound))
            return NotFound();
        ModelState.AddModelError("", TaskTexts.Message(result.Problems[0], text));
        Tasks = await tasks.ListAsync(id, null, false, ct);
        return this.PageWithErrors();
    }
}
