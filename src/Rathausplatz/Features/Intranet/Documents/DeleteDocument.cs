using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// Deletes a document with all its versions and comments (the database cascades): whoever uploaded it first,
/// the space's owners or an admin.
/// </summary>
public sealed class DeleteDocument(AppDb db)
{
    public async Task<Removal> RunAsync(SpaceAccess.View space, Guid documentId, CancellationToken ct)
    {
        var document = db.Set<SpaceDocument>().Where(d => d.SpaceId == space.Space.Id && d.Id == documentId);
        if (await document.Select(d => new { d.CreatedById }).SingleOrDefaultAsync(ct) is not { } found)
            return Removal.NotFound;
        if (!space.MayRemove(found.CreatedById))
            return Removal.NotAllowed;
        await document.ExecuteDeleteAsync(ct);
        return Removal.Removed;
    }
}
