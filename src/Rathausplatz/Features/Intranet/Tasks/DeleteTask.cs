using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>Deletes a task of a project space: its creator, the space's owners or an admin.</summary>
public sealed class DeleteTask(AppDb db, InAppNotices notices)
{
    public async Task<Removal> RunAsync(SpaceAccess.View space, Guid taskId, CancellationToken ct)
    {
        // Removed through the change tracker, not in bulk, so the search index lets go of it in the same save.
        if (await db.Set<SpaceTask>().SingleOrDefaultAsync(t => t.SpaceId == space.Space.Id && t.Id == taskId, ct) is not { } task)
            return Removal.NotFound;
        if (!space.MayRemove(task.CreatedById))
            return Removal.NotAllowed;
        // Its assignment notices would lead nowhere.
        await notices.RemoveAsync([task.Id], ct);
        db.Remove(task);
        await db.SaveChangesAsync(ct);
        return Removal.Removed;
    }
}
