using Rathausplatz.Data;

namespace Rathausplatz.Features.Audiences;

/// <summary>
/// What the signed link in every mail allows: see and change the choice, or end the subscription.
/// Ending deletes the row with the address and its consent record: nothing is kept that is no longer needed.
/// </summary>
public sealed class ManageSubscription(AppDb db, TimeProvider time, SubscriptionTokens tokens)
{
    /// <summary>The subscription the token opens, with its topics and districts; null for a forged or dead link.</summary>
    public async Task<Subscription?> OpenAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadManagement(token) is not { } claim)
            return null;
        var subscription = await db.Set<Subscription>().Include(s => s.Topics).Include(s => s.Districts)
            .SingleOrDefaultAsync(s => s.Id == claim.Id, ct);
        return subscription is not null && CryptographicEquals(subscription.ManageKey, claim.Key) ? subscription : null;
    }

    public async Task<bool> ChangeAsync(string? token, SubscriptionChoice choice, CancellationToken ct)
    {
        if (await OpenAsync(token, ct) is not { } subscription)
            return false;
        await choice.ApplyToAsync(db, subscription, ct);
        subscription.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>True also when the subscription had already ended: unsubscribing twice is not an error.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadManagement(token) is not { } claim)
            return false;
        await db.Set<Subscription>().Where(s => s.Id == claim.Id && s.ManageKey == claim.Key).ExecuteDeleteAsync(ct);
        return true;
    }

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}

/// <summary>The delivery engine reports what receiving servers said about an address.</summary>
public sealed class RecordDeliveryOutcome(AppDb db, TimeProvider time)
{
    /// <summary>
    /// How long a bounce keeps counting. A relay accepts every mail and bounces later, so its acceptance
    /// cannot reset the count of bounces; only a stretch this long without one does (as mailing list
    /// managers do).
    /// </summary>
    public static readonly TimeSpan BouncesCountFor = TimeSpan.FromDays(30);

    /// <summary>After <paramref name="limit"/> permanent refusals in a row the address gets no more mail.</summary>
    public async Task PermanentFailureAsync(Guid subscriptionId, int limit, CancellationToken ct)
    {
        await db.Set<Subscription>().Where(s => s.Id == subscriptionId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.PermanentFailures, s => s.PermanentFailures + 1)
                .SetProperty(s => s.State, s => s.PermanentFailures + 1 >= limit ? SubscriptionState.Disabled : s.State), ct);
    }

    /// <summary>A bounce mail (DSN) about a mail the server had accepted: counts like a refusal, and for <see cref="BouncesCountFor"/>.</summary>
    public async Task BouncedAsync(Guid subscriptionId, int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<Subscription>().Where(s => s.Id == subscriptionId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.PermanentFailures, s => s.PermanentFailures + 1)
                .SetProperty(s => s.LastBounceAt, now)
                .SetProperty(s => s.State, s => s.PermanentFailures + 1 >= limit ? SubscriptionState.Disabled : s.State), ct);
    }

    public async Task AcceptedAsync(Guid subscriptionId, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - BouncesCountFor;
        await db.Set<Subscription>().Where(s => s.Id == subscriptionId && s.PermanentFailures > 0 && (s.LastBounceAt == null || s.LastBounceAt < since))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.PermanentFailures, 0), ct);
    }
}
