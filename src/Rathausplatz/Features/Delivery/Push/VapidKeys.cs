using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// The application server's key pair for VAPID (RFC 8292), one per installation: browsers bind a push
/// subscription to the public key, push services check every message's signature against it. One row,
/// made on first start and shared by every node through the database (a node with its own pair would
/// be refused by the push services for every subscription made through another node).
/// </summary>
/// <remarks>
/// Per installation rather than per organisation: the key only proves "this server sent it", the
/// organisation is in the payload, and one row keeps the start-up simple. The private key is stored
/// as it is, like the data protection key ring beside it: whoever can read the database can read both.
/// </remarks>
public sealed class VapidKeys
{
    public int Id { get; set; } = 1;
    /// <summary>Uncompressed P-256 point, base64url: what <c>pushManager.subscribe</c> gets as applicationServerKey.</summary>
    public required string PublicKey { get; set; }
    /// <summary>The private scalar d, base64url.</summary>
    public required string PrivateKey { get; set; }
    public DateTime CreatedAt { get; set; }

    public static VapidKeys Generate(DateTime now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return new VapidKeys
        {
            PublicKey = Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]),
            PrivateKey = Base64Url.EncodeToString(p.D!),
            CreatedAt = now,
        };
    }
}

internal sealed class VapidKeysConfiguration : IEntityTypeConfiguration<VapidKeys>
{
    public void Configure(EntityTypeBuilder<VapidKeys> k)
    {
        k.ToTable("push_vapid_keys");
        k.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        k.Property(x => x.PublicKey).HasColumnName("public_key").HasMaxLength(100);
        k.Property(x => x.PrivateKey).HasColumnName("private_key").HasMaxLength(100);
        k.Property(x => x.CreatedAt).HasColumnName("created_at");
    }
}

/// <summary>Reads the installation's VAPID keys once per process, making them if no node has yet.</summary>
public sealed class VapidKeyStore(IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private VapidKeys? keys;

    public async Task<VapidKeys> GetAsync(CancellationToken ct)
    {
        if (keys is not null)
            return keys;
        await gate.WaitAsync(ct);
        try
        {
            return keys ??= await LoadOrCreateAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<VapidKeys> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (await db.Set<VapidKeys>().AsNoTracking().SingleOrDefaultAsync(k => k.Id == 1, ct) is { } stored)
            return stored;
        var made = VapidKeys.Generate(time.GetUtcNow().UtcDateTime);
        db.Add(made);
        try
        {
            await db.SaveChangesAsync(ct);
            return made;
        }
        catch (DbUpdateException)
        {
            // Another node made them at the same moment: the primary key let one win; use its pair.
            db.ChangeTracker.Clear();
            return await db.Set<VapidKeys>().AsNoTracking().SingleAsync(k => k.Id == 1, ct);
        }
    }
}

/// <summary>Makes the keys at start, so the first page and the first send find them ready.</summary>
internal sealed class VapidKeysAtStart(VapidKeyStore store, ILogger<VapidKeysAtStart> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await store.GetAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the store tries again when a page or a send needs the keys.
            log.LogWarning(e, "VAPID keys could not be prepared at start");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
