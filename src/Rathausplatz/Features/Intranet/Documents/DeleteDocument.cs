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
        // Removed through the change tracker, not in bulk, so the search index lets go of it in the same save.
        if (await db.Set<SpaceDocument>().SingleOrDefaultAsync(d => d.SpaceId == space.Space.Id && d.Id == documentId, ct) is not { } document)
            return Removal.NotFound;
        if (!space.MayRemove(document.CreatedById))
            return Removal.NotAllowed;
        // Its comments too: the database would cascade, but their search entries would stay behind.
        await db.Set<DocumentComment>().Where(c => c.DocumentId == documentId).LoadAsync(ct);
        db.Remove(document);
        await db.SaveChangesAsync(ct);
        return Removal.Removed;
    }
}
