using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>
/// Tells a colleague in their inbox that a task was assigned to them (not when they took it themselves). The event
/// id is the task's: assigned to them again later, the same notice comes back unread rather than a second one; a
/// deleted task takes its notices along.
/// </summary>
public sealed class TaskNotices(AppDb db, InAppNotices notices, IStringLocalizer<SharedResource> text, TimeProvider time)
{
    /// <summary>Adds the notice to the caller's unit of work when <paramref name="task"/> has a new assignee.</summary>
    public async Task AssignedAsync(SpaceAccess.View space, SpaceTask task, Guid? before, CancellationToken ct)
    {
        if (task.AssigneeId is not { } assignee || assignee == before || assignee == space.Caller.UserId)
            return;
        var language = await db.Users.Where(u => u.Id == assignee).Select(u => u.PreferredLanguage).SingleAsync(ct);
        var by = await db.Users.Where(u => u.Id == space.Caller.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        var title = Localization.InLanguage(language, () => text["{0} hat Ihnen die Aufgabe „{1}“ in „{2}“ zugewiesen", by, task.Title, space.Space.Title].Value);
        await notices.RenewAsync(task.Id, assignee, title, $"/intranet/raeume/{space.Space.Id}/aufgaben/{task.Id}", time.GetUtcNow().UtcDateTime, ct);
    }
}
