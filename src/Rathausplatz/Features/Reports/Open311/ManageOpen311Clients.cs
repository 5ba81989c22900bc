using Rathausplatz.Data;

namespace Rathausplatz.Features.Reports.Open311;

/// <summary>Makes and revokes the API keys of Open311 client applications (organisation admins).</summary>
public sealed class ManageOpen311Clients(AppDb db, TimeProvider time)
{
    public sealed record ClientRow(Guid Id, string Name, string KeyHint, DateTime CreatedAt, DateTime? RevokedAt);

    public Task<List<ClientRow>> ListAsync(CancellationToken ct) =>
        db.Set<Open311Client>().AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenByDescending(c => c.CreatedAt)
            .Select(c => new ClientRow(c.Id, c.Name, c.KeyHint, c.CreatedAt, c.RevokedAt)).ToListAsync(ct);

    /// <summary>The new client and its key: the only moment the key exists outside the caller's hands.</summary>
    public async Task<(Open311Client Client, string Key)> CreateAsync(string name, Guid actorId, CancellationToken ct)
    {
        var key = Open311Client.NewKey();
        var client = new Open311Client
        {
            Name = name.Trim(),
            KeyHash = Open311Client.Hash(key),
            KeyHint = Open311Client.Hint(key),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedById = actorId,
        };
        db.Add(client);
        await db.SaveChangesAsync(ct);
        return (client, key);
    }

    /// <summary>False when there is no such client here or it was revoked already.</summary>
    public async Task<bool> RevokeAsync(Guid id, Guid actorId, CancellationToken ct) =>
        await db.Set<Open311Client>().Where(c => c.Id == id && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, time.GetUtcNow().UtcDateTime).SetProperty(c => c.RevokedById, actorId), ct) == 1;
}
