using Microsoft.AspNetCore.DataProtection;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Participation.WithoutAccount;

/// <summary>The link in a guest's mail: the row's id and secret, sealed, valid for a week (<see cref="SealedLink"/>).</summary>
public sealed class GuestLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly SealedLink link = new(protection, time, "Rathausplatz.Participation.Guest.v1", Lifetime);

    public static string PathOf(string token) => $"/beteiligung/ohne-konto/{token}";

    public string TokenFor(GuestParticipant guest) => link.Seal(guest.Id, guest.Secret);

    /// <summary>The guest's row, or null when the token is forged, damaged, expired or its row is gone.</summary>
    public async Task<GuestParticipant?> FindAsync(AppDb db, string? token, CancellationToken ct)
    {
        if (link.Open(token) is not var (id, secret))
            return null;
        var guest = await db.Set<GuestParticipant>().SingleOrDefaultAsync(g => g.Id == id, ct);
        return guest?.Secret == secret ? guest : null;
    }
}
