using Rathausplatz.Data;

namespace Rathausplatz.Features.Audiences;

public enum ConfirmOutcome { Confirmed, Invalid }

/// <summary>The confirmation link was used: the subscription starts. A second use finds no nonce and is refused.</summary>
public sealed class ConfirmSubscription(AppDb db, TimeProvider time, SubscriptionTokens tokens)
{
    /// <summary>Whether the link would confirm now (sealed, not expired, not used).</summary>
    public async Task<bool> IsUsableAsync(string? token, CancellationToken ct) =>
        tokens.ReadConfirmation(token) is { } claim
        && await db.Set<Subscription>().AnyAsync(s => s.Id == claim.Id && s.State == SubscriptionState.Pending && s.ConfirmationNonce == claim.Nonce, ct);

    public async Task<(ConfirmOutcome Outcome, Subscription? Subscription)> RunAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadConfirmation(token) is not { } claim)
            return (ConfirmOutcome.Invalid, null);
        var subscription = await db.Set<Subscription>().SingleOrDefaultAsync(s => s.Id == claim.Id, ct);
        if (subscription is not { State: SubscriptionState.Pending } || subscription.ConfirmationNonce != claim.Nonce)
            return (ConfirmOutcome.Invalid, null);
        var now = time.GetUtcNow().UtcDateTime;
        subscription.State = SubscriptionState.Confirmed;
        subscription.ConfirmationNonce = null;
        subscription.ConfirmedAt = now;
        subscription.UpdatedAt = now;
        subscription.PermanentFailures = 0;
        // Only one of two simultaneous uses counts: the nonce is part of the update's condition.
        var changed = await db.Set<Subscription>().Where(s => s.Id == claim.Id && s.ConfirmationNonce == claim.Nonce)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.State, SubscriptionState.Confirmed)
                .SetProperty(s => s.ConfirmationNonce, (string?)null)
                .SetProperty(s => s.ConfirmedAt, now)
                .SetProperty(s => s.UpdatedAt, now)
                .SetProperty(s => s.PermanentFailures, 0), ct);
        return changed == 1 ? (ConfirmOutcome.Confirmed, subscription) : (ConfirmOutcome.Invalid, null);
    }
}
