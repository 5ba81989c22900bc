using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>Deletes a task of a project space: its creator, the space's owners or an admin.</summary>
public sealed class DeleteTask(AppDb db)
{
    public async Task<Removal> RunAsync(SpaceAccess.View space, Guid taskId, CancellationToken ct)
    {
        var task = db.Set<SpaceTask>().Where(t => t.SpaceId == space.Space.Id && t.Id == taskId);
        if (await task.Select(t => new { t.CreatedById }).SingleOrDefaultAsync(ct) is not { } found)
            return Removal.NotFound;
        if (!space.MayRemove(found.CreatedById))
            return Removal.NotAllowed;
        await task.ExecuteDeleteAsync(ct);
        return Removal.Removed;
    }
}
