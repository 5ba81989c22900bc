using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Audiences;

/// <summary>
/// What a subscriber wants. No topic chosen means every topic, no district every district: "everything"
/// is the default and a new topic or district reaches such subscribers without them doing anything.
/// </summary>
public sealed record SubscriptionChoice(
    IReadOnlyCollection<Guid> TopicIds,
    IReadOnlyCollection<Guid> DistrictIds,
    IReadOnlyCollection<PostType> Types,
    DeliveryFrequency Frequency,
    string Language)
{
    public static SubscriptionChoice Everything(string language = "de") =>
        new([], [], SubscribableTypes.List, DeliveryFrequency.Immediately, language);

    public static SubscriptionChoice Of(Subscription s) => new(
        s.Topics.Select(t => t.TopicId).ToList(),
        s.Districts.Select(d => d.DistrictId).ToList(),
        SubscribableTypes.List.Where(s.Wants).ToList(),
        s.Frequency,
        s.Language);

    /// <summary>Writes the choice onto <paramref name="subscription"/>, keeping only topics and districts of this organisation.</summary>
    internal async Task ApplyToAsync(AppDb db, Subscription subscription, CancellationToken ct)
    {
        var topics = TopicIds.Count == 0 ? [] : await db.Set<Topic>().Where(t => TopicIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var districts = DistrictIds.Count == 0 ? [] : await db.Set<District>().Where(d => DistrictIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        subscription.AllTopics = topics.Count == 0;
        subscription.AllDistricts = districts.Count == 0;
        subscription.Topics.RemoveAll(t => !topics.Contains(t.TopicId));
        subscription.Topics.AddRange(topics.Where(id => subscription.Topics.All(t => t.TopicId != id)).Select(id => new SubscriptionTopic { TopicId = id }));
        subscription.Districts.RemoveAll(d => !districts.Contains(d.DistrictId));
        subscription.Districts.AddRange(districts.Where(id => subscription.Districts.All(d => d.DistrictId != id)).Select(id => new SubscriptionDistrict { DistrictId = id }));
        subscription.Types = SubscribableTypes.Of(Types);
        subscription.Frequency = Frequency;
        subscription.Language = Language == "en" ? "en" : "de";
    }
}
