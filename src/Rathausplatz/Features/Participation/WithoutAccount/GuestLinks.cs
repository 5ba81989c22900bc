using Microsoft.AspNetCore.DataProtection;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Participation.WithoutAccount;

/// <summary>
/// The links in a guest's mails, each the row's id and secret, sealed (<see cref="SealedLink"/>): the link to take part,
/// valid for a week, and the link in notice mails that stops them, valid for two years (notices come as long as the
/// town works on the proposal). A token of one kind is worthless as the other.
/// </summary>
public sealed class GuestLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(730);

    private readonly SealedLink link = new(protection, time, "Rathausplatz.Participation.Guest.v1", Lifetime);
    private readonly SealedLink unsubscribe = new(protection, time, "Rathausplatz.Participation.GuestUnsubscribe.v1", UnsubscribeLifetime);

    public static string PathOf(string token) => $"/beteiligung/ohne-konto/{token}";

    /// <summary>The page that asks before it stops the notices (the link in the mail's text).</summary>
    public static string UnsubscribePathOf(string token) => $"/beteiligung/ohne-konto/abbestellen/{token}";

    /// <summary>The one-click address of the <c>List-Unsubscribe</c> header (RFC 8058).</summary>
    public static string OneClickPathOf(string token) => $"/beteiligung/ohne-konto/abbestellen/{token}/ein-klick";

    public string TokenFor(GuestParticipant guest) => link.Seal(guest.Id, guest.Secret);

    public string UnsubscribeTokenFor(Guid guestId, string secret) => unsubscribe.Seal(guestId, secret);

    /// <summary>The guest's row, or null when the token is forged, damaged, expired or its row is gone.</summary>
    public Task<GuestParticipant?> FindAsync(AppDb db, string? token, CancellationToken ct) => FindAsync(link, db, token, ct);

    /// <summary>The row of an unsubscribe token, or null like <see cref="FindAsync(AppDb, string?, CancellationToken)"/>.</summary>
    public Task<GuestParticipant?> FindForUnsubscribeAsync(AppDb db, string? token, CancellationToken ct) => FindAsync(unsubscribe, db, token, ct);

    private static async Task<GuestParticipant?> FindAsync(SealedLink sealedLink, AppDb db, string? token, CancellationToken ct)
    {
        if (sealedLink.Open(token) is not var (id, secret))
            return null;
        var guest = await db.Set<GuestParticipant>().SingleOrDefaultAsync(g => g.Id == id, ct);
        return guest?.Secret == secret ? guest : null;
    }
}
