using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// Stores a browser's push subscription with its choice. The same endpoint again (the button pressed
/// twice, or the choice changed) updates the row: one browser, one subscription per organisation.
/// </summary>
public sealed class SubscribePush(AppDb db, TimeProvider time)
{
    public sealed record Request(string Endpoint, string P256dh, string Auth, SubscriptionChoice Choice);

    public async Task RunAsync(Request request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var subscription = await db.Set<PushSubscription>().Include(s => s.Topics).Include(s => s.Districts)
            .SingleOrDefaultAsync(s => s.Endpoint == request.Endpoint, ct);
        if (subscription is null)
        {
            subscription = new PushSubscription
            {
                Endpoint = request.Endpoint, P256dh = request.P256dh, Auth = request.Auth,
                ConsentTextVersion = PushConsentText.Version, CreatedAt = now,
            };
            db.Add(subscription);
        }
        subscription.P256dh = request.P256dh;
        subscription.Auth = request.Auth;
        subscription.ConsentTextVersion = PushConsentText.Version;
        subscription.ConsentGivenAt = now;
        subscription.UpdatedAt = now;
        await ApplyAsync(request.Choice, subscription, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(subscription).State == EntityState.Added)
        {
            // The same browser posted twice at once: the other request stored it.
        }
    }

    /// <summary>Ends the subscription of that endpoint, if this organisation has one; the answer is the same either way.</summary>
    public Task UnsubscribeAsync(string endpoint, CancellationToken ct) =>
        db.Set<PushSubscription>().Where(s => s.Endpoint == endpoint).ExecuteDeleteAsync(ct);

    /// <summary>The e-mail choice's rules: only this organisation's topics and districts; none means all.</summary>
    private async Task ApplyAsync(SubscriptionChoice choice, PushSubscription subscription, CancellationToken ct)
    {
        var topics = choice.TopicIds.Count == 0 ? [] : await db.Set<Topic>().Where(t => choice.TopicIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var districts = choice.DistrictIds.Count == 0 ? [] : await db.Set<District>().Where(d => choice.DistrictIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        subscription.AllTopics = topics.Count == 0;
        subscription.AllDistricts = districts.Count == 0;
        subscription.Topics.RemoveAll(t => !topics.Contains(t.TopicId));
        subscription.Topics.AddRange(topics.Where(id => subscription.Topics.All(t => t.TopicId != id)).Select(id => new PushSubscriptionTopic { TopicId = id }));
        subscription.Districts.RemoveAll(d => !districts.Contains(d.DistrictId));
        subscription.Districts.AddRange(districts.Where(id => subscription.Districts.All(d => d.DistrictId != id)).Select(id => new PushSubscriptionDistrict { DistrictId = id }));
        subscription.Types = SubscribableTypes.Of(choice.Types);
        subscription.Language = choice.Language == "en" ? "en" : "de";
    }
}
