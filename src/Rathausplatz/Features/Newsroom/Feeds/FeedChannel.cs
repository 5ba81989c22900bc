namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>What a feed says about itself. <paramref name="SiteUrl"/> is the host's origin: entry links are absolute.</summary>
public sealed record FeedChannel(string Title, string Description, string Author, string Language, string SiteUrl, string ListUrl, string SelfUrl)
{
    public string EntryUrl(FeedEntry entry) => $"{SiteUrl}/aktuelles/{Uri.EscapeDataString(entry.Slug)}";

    /// <summary>The post's id never changes, unlike its slug: readers must not see an edited address as a new item.</summary>
    public static string EntryId(FeedEntry entry) => $"urn:uuid:{entry.Id}";
}
