using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>The tasks of a project space as a list; filters: assigned to me, overdue.</summary>
public sealed class ListModel(SpaceAccess access, TaskQuery tasks) : TaskPageModel(access)
{
    public List<TaskQuery.TaskView> Tasks { get; private set; } = [];
    public string? Filter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? filter, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is { } refused)
            return refused;
        Filter = filter is "meine" or "ueberfaellig" ? filter : null;
        Tasks = await tasks.ListAsync(id, Filter == "meine" ? Space.Caller.UserId : null, Filter == "ueberfaellig", ct);
        return Page();
    }
}
