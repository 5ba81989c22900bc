using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Audiences;

/// <summary>The choice fields shared by the subscribe form and the preferences page.</summary>
public sealed class PreferenceInput
{
    public List<Guid> TopicIds { get; set; } = [];
    public List<Guid> DistrictIds { get; set; } = [];
    /// <summary>Empty unless posted or shown: a form with no box ticked must not read as "all types".</summary>
    public List<PostType> Types { get; set; } = [];
    public DeliveryFrequency Frequency { get; set; } = DeliveryFrequency.Immediately;
    public string Language { get; set; } = "de";

    /// <summary>Ticks the district a finder sent back (<c>?stadtteil=</c>); an id of no district of ours is dropped on saving.</summary>
    public void Choose(Guid? district)
    {
        if (district is { } id && !DistrictIds.Contains(id))
            DistrictIds.Add(id);
    }

    public SubscriptionChoice ToChoice() => new(TopicIds, DistrictIds, Types, Frequency, Language);

    public static PreferenceInput From(SubscriptionChoice choice) => new()
    {
        TopicIds = [.. choice.TopicIds],
        DistrictIds = [.. choice.DistrictIds],
        Types = [.. choice.Types],
        Frequency = choice.Frequency,
        Language = choice.Language,
    };
}

/// <summary>What the choice fields offer, and the values they show.</summary>
/// <remarks><see cref="ForMail"/> false (in-app notifications): no frequency and no mail language.</remarks>
public sealed record PreferenceFields(PreferenceInput Input, string Prefix, IReadOnlyList<(Guid Id, string Name)> Topics, IReadOnlyList<(Guid Id, string Name)> Districts)
{
    public bool ForMail { get; init; } = true;
    /// <summary>The map and address search for the districts; null when the organisation has no districts.</summary>
    public global::Rathausplatz.Features.Audiences.Districts.DistrictFinder? Finder { get; init; }

    public static async Task<PreferenceFields> LoadAsync(AppDb db, PreferenceInput input, string prefix, CancellationToken ct)
    {
        var topics = await db.Set<Topic>().AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        return new(input, prefix, topics.Select(t => (t.Id, t.Name)).ToList(), districts.Select(d => (d.Id, d.Name)).ToList())
        {
            Finder = districts.Count == 0 ? null : await global::Rathausplatz.Features.Audiences.Districts.DistrictFinder.LoadAsync(db, ct),
        };
    }

    public static string FrequencyName(DeliveryFrequency frequency) => frequency switch
    {
        DeliveryFrequency.Daily => Texts.Key("Einmal täglich als Zusammenfassung"),
        DeliveryFrequency.Weekly => Texts.Key("Einmal wöchentlich als Zusammenfassung"),
        _ => Texts.Key("Sofort"),
    };
}
