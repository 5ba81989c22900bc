using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>Tasks of a space as the list and the board show them, and the members who can take one.</summary>
public sealed class TaskQuery(AppDb db, TimeProvider time)
{
    public sealed record TaskView(Guid Id, string Title, TaskState State, Guid? AssigneeId, string? Assignee, DateOnly? DueOn, bool Overdue, int Version);

    public sealed record Detail(TaskView Task, string Description, Guid? CreatedById);

    public sealed record Member(Guid Id, string Name);

    /// <summary>"Today" in the town: a task due yesterday is overdue from midnight in Berlin, not in Greenwich.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TownTime.ToLocal(time.GetUtcNow().UtcDateTime)!.Value);

    public async Task<List<TaskView>> ListAsync(Guid spaceId, Guid? assignee, bool overdueOnly, CancellationToken ct)
    {
        var today = Today;
        var tasks = db.Set<SpaceTask>().AsNoTracking().Where(t => t.SpaceId == spaceId);
        if (assignee is { } mine)
            tasks = tasks.Where(t => t.AssigneeId == mine);
        if (overdueOnly)
            tasks = tasks.Where(t => t.State != TaskState.Done && t.DueOn != null && t.DueOn < today);
        var rows = await (from t in tasks
                          join u in db.Users on t.AssigneeId equals u.Id into assigned
                          from u in assigned.DefaultIfEmpty()
                          select new { t.Id, t.Title, t.State, t.AssigneeId, Assignee = u == null ? null : u.DisplayName, t.DueOn, t.Version, t.CreatedAt })
            .ToListAsync(ct);
        // Sorted here: few tasks per space, and DateOnly ordering with nulls last reads the same on both providers this way.
        return rows.OrderBy(r => r.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.CreatedAt)
            .Select(r => new TaskView(r.Id, r.Title, r.State, r.AssigneeId, r.Assignee, r.DueOn, IsOverdue(r.State, r.DueOn, today), r.Version))
            .ToList();
    }

    public async Task<Detail?> FindAsync(Guid spaceId, Guid taskId, CancellationToken ct)
    {
        var row = await (from t in db.Set<SpaceTask>().AsNoTracking()
                         where t.SpaceId == spaceId && t.Id == taskId
                         join u in db.Users on t.AssigneeId equals u.Id into assigned
                         from u in assigned.DefaultIfEmpty()
                         select new { t.Id, t.Title, t.State, t.AssigneeId, Assignee = u == null ? null : u.DisplayName, t.DueOn, t.Version, t.Description, t.CreatedById })
            .SingleOrDefaultAsync(ct);
        return row is null ? null
            : new Detail(new TaskView(row.Id, row.Title, row.State, row.AssigneeId, row.Assignee, row.DueOn, IsOverdue(row.State, row.DueOn, Today), row.Version), row.Description, row.CreatedById);
    }

    public Task<List<Member>> MembersAsync(Guid spaceId, CancellationToken ct) =>
        (from m in db.Set<SpaceMember>()
         join u in db.Users on m.UserId equals u.Id
         where m.SpaceId == spaceId
         orderby u.DisplayName
         select new Member(u.Id, u.DisplayName)).ToListAsync(ct);

    private static bool IsOverdue(TaskState state, DateOnly? due, DateOnly today) => state != TaskState.Done && due < today;
}
