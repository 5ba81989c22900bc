using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>One task: its description, and for members the form to change it (carrying the version it shows).</summary>
public sealed class TaskModel(SpaceAccess access, TaskQuery tasks, SaveTask saving, DeleteTask deleting, MarkdownRenderer markdown,
    IStringLocalizer<SharedResource> text) : TaskPageModel(access)
{
    [BindProperty] public TaskForm Input { get; set; } = new();
    public TaskQuery.TaskView Task { get; private set; } = null!;
    public string DescriptionHtml { get; private set; } = "";
    public List<TaskQuery.Member> Members { get; private set; } = [];
    public bool MayDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid taskId, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        return await LoadAsync(taskId, fill: true, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid taskId, CancellationToken ct)
    {
        if (await WritableAsync(id, ct) is { } refused)
            return refused;
        ModelState.Clear();
        var result = await saving.UpdateAsync(Space, taskId, Input.Version, Input.ToInput(), ct);
        if (result.Id is not null)
        {
            this.Flash(text["Die Aufgabe ist gespeichert."]);
            return Redirect($"{TasksPath}/{taskId}");
        }
        if (result.Problems.Contains(TaskProblem.NotFound))
            return NotFound();
        foreach (var problem in result.Problems)
            ModelState.AddModelError(TaskTexts.Field(problem), TaskTexts.Message(problem, text));
        // After a conflict the form shows the stored task (and its new version); otherwise what was entered.
        var changed = result.Problems.Contains(TaskProblem.Changed);
        return await LoadAsync(taskId, fill: changed, ct) ? this.PageWithErrors() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid taskId, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        switch (await deleting.RunAsync(Space, taskId, ct))
        {
            case Removal.NotFound: return NotFound();
            case Removal.NotAllowed: return Forbid();
        }
        this.Flash(text["Die Aufgabe ist gelöscht."]);
        return Redirect(TasksPath);
    }

    private async Task<bool> LoadAsync(Guid taskId, bool fill, CancellationToken ct)
    {
        if (await tasks.FindAsync(Space.Space.Id, taskId, ct) is not { } found)
            return false;
        Task = found.Task;
        MayDelete = Space.MayRemove(found.CreatedById);
        DescriptionHtml = markdown.ToSafeHtml(found.Description);
        Members = await tasks.MembersAsync(Space.Space.Id, ct);
        if (fill)
        {
            Input = new TaskForm
            {
                Title = found.Task.Title, Description = found.Description, AssigneeId = found.Task.AssigneeId,
                DueOn = found.Task.DueOn, State = found.Task.State, Version = found.Task.Version,
            };
            // Shown again after a conflict: the fields hold the stored values, not the refused ones.
            foreach (var key in new[] { "Input.Title", "Input.Description", "Input.DueOn" })
                ModelState.Remove(key);
        }
        return true;
    }
}
