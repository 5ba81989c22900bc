using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Audiences;

/// <summary>
/// Someone asks for mails at an address. Whatever the address's state, the caller shows the same
/// answer ("please confirm"); only the mail differs: a new or pending address gets a confirmation
/// link, a confirmed one a link to its preferences (its choice is not changed by a stranger's form).
/// </summary>
public sealed class Subscribe(AppDb db, TimeProvider time, SubscriptionMails mails)
{
    public async Task RunAsync(string email, SubscriptionChoice choice, MailSender sender, CancellationToken ct)
    {
        var address = EmailAddresses.Normalize(email);
        var now = time.GetUtcNow().UtcDateTime;
        var subscription = await db.Set<Subscription>().Include(s => s.Topics).Include(s => s.Districts)
            .SingleOrDefaultAsync(s => s.Email == address, ct);

        if (subscription is { State: SubscriptionState.Confirmed })
        {
            mails.QueueAlreadySubscribed(subscription, sender);
            await db.SaveChangesAsync(ct);
            return;
        }

        if (subscription is null)
        {
            subscription = new Subscription { Email = address, ConsentTextVersion = ConsentText.Version, CreatedAt = now };
            db.Add(subscription);
        }
        // Pending or disabled (bounced): a new opt-in with the choice and consent of this form.
        subscription.State = SubscriptionState.Pending;
        subscription.ConfirmationNonce = SubscriptionTokens.NewSecret();
        subscription.ConsentTextVersion = ConsentText.Version;
        subscription.ConsentGivenAt = now;
        subscription.ConfirmedAt = null;
        // A new opt-in starts a clean record: confirming it proves the mailbox takes mail again.
        subscription.PermanentFailures = 0;
        subscription.LastBounceAt = null;
        subscription.UpdatedAt = now;
        await choice.ApplyToAsync(db, subscription, ct);
        mails.QueueConfirmation(subscription, sender);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(subscription).State == EntityState.Added)
        {
            // The same address sent twice at once: the other request made the subscription and its mail.
        }
    }
}
