using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

public enum TaskProblem { NotAllowed, NotFound, TitleMissing, TitleTooLong, DescriptionTooLong, AssigneeNotMember, Changed }

public sealed record TaskInput(string? Title, string? Description, Guid? AssigneeId, DateOnly? DueOn, TaskState State);

/// <summary>
/// Members of a project space (guests included) write a task, change it, or move it to another column of the board.
/// Only members can be assignees. Every change names the version it was based on: when someone else changed the
/// task meanwhile, the change is refused (<see cref="TaskProblem.Changed"/>) and nothing is overwritten. A new
/// assignee is told in their inbox, in the same save.
/// </summary>
public sealed class SaveTask(AppDb db, TaskNotices notices, TimeProvider time)
{
    public sealed record Result(Guid? Id, IReadOnlyList<TaskProblem> Problems)
    {
        public static Result Refused(params TaskProblem[] problems) => new(null, problems);
    }

    /// <summary>Tasks exist in project spaces only.</summary>
    public static bool Offered(SpaceAccess.View space) => space.Space.Kind == SpaceKind.Project;

    public async Task<Result> CreateAsync(SpaceAccess.View space, TaskInput input, CancellationToken ct)
    {
        if (!space.CanContribute || !Offered(space))
            return Result.Refused(TaskProblem.NotAllowed);
        var problems = await CheckAsync(space, input, ct);
        if (problems.Count > 0)
            return Result.Refused([.. problems]);
        var now = time.GetUtcNow().UtcDateTime;
        var task = new SpaceTask
        {
            SpaceId = space.Space.Id,
            Title = input.Title!.Trim(),
            Description = input.Description?.Trim() ?? "",
            AssigneeId = input.AssigneeId,
            DueOn = input.DueOn,
            State = input.State,
            CreatedById = space.Caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(task);
        await notices.AssignedAsync(space, task, null, ct);
        await db.SaveChangesAsync(ct);
        return new Result(task.Id, []);
    }

    public async Task<Result> UpdateAsync(SpaceAccess.View space, Guid taskId, int version, TaskInput input, CancellationToken ct)
    {
        if (!space.CanContribute || !Offered(space))
            return Result.Refused(TaskProblem.NotAllowed);
        var problems = await CheckAsync(space, input, ct);
        if (problems.Count > 0)
            return Result.Refused([.. problems]);
        return await ChangeAsync(space, taskId, version, async task =>
        {
            var before = task.AssigneeId;
            task.Title = input.Title!.Trim();
            task.Description = input.Description?.Trim() ?? "";
            task.AssigneeId = input.AssigneeId;
            task.DueOn = input.DueOn;
            task.State = input.State;
            await notices.AssignedAsync(space, task, before, ct);
        }, ct);
    }

    public Task<Result> MoveAsync(SpaceAccess.View space, Guid taskId, int version, TaskState state, CancellationToken ct) =>
        !space.CanContribute || !Offered(space) || !Enum.IsDefined(state)
            ? Task.FromResult(Result.Refused(TaskProblem.NotAllowed))
            : ChangeAsync(space, taskId, version, task =>
            {
                task.State = state;
                return Task.CompletedTask;
            }, ct);

    private async Task<Result> ChangeAsync(SpaceAccess.View space, Guid taskId, int version, Func<SpaceTask, Task> change, CancellationToken ct)
    {
        var task = await db.Set<SpaceTask>().SingleOrDefaultAsync(t => t.Id == taskId && t.SpaceId == space.Space.Id, ct);
        if (task is null)
            return Result.Refused(TaskProblem.NotFound);
        if (task.Version != version)
            return Result.Refused(TaskProblem.Changed);
        await change(task);
        task.UpdatedAt = time.GetUtcNow().UtcDateTime;
        // The UPDATE names the version read: a change saved between our read and our write makes it touch no row.
        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        task.Version = version + 1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Refused(TaskProblem.Changed);
        }
        return new Result(task.Id, []);
    }

    private async Task<List<TaskProblem>> CheckAsync(SpaceAccess.View space, TaskInput input, CancellationToken ct)
    {
        var problems = new List<TaskProblem>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
            problems.Add(TaskProblem.TitleMissing);
        else if (title.Length > SpaceTask.MaxTitle)
            problems.Add(TaskProblem.TitleTooLong);
        if ((input.Description?.Trim().Length ?? 0) > SpaceTask.MaxDescription)
            problems.Add(TaskProblem.DescriptionTooLong);
        if (!Enum.IsDefined(input.State))
            problems.Add(TaskProblem.NotAllowed);
        if (input.AssigneeId is { } assignee
            && !await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == space.Space.Id && m.UserId == assignee, ct))
            problems.Add(TaskProblem.AssigneeNotMember);
        return problems;
    }
}
