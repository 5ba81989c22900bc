using System.Globalization;
using System.Xml;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>RSS 2.0 (https://www.rssboard.org/rss-specification) with an atom:link to itself, as feed validators ask.</summary>
public static class RssFeed
{
    public const string ContentType = "application/rss+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(FeedChannel channel, IReadOnlyList<FeedEntry> entries, Func<PostType, string> typeName)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, Atom);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", XmlText.Clean(channel.Title));
            xml.WriteElementString("link", channel.ListUrl);
            xml.WriteElementString("description", XmlText.Clean(channel.Description));
            xml.WriteElementString("language", channel.Language);
            if (entries.Count > 0)
                xml.WriteElementString("lastBuildDate", Rfc822(entries.Max(e => e.UpdatedAt)));
            xml.WriteStartElement("atom", "link", Atom);
            xml.WriteAttributeString("href", channel.SelfUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", XmlText.Clean(entry.Title));
                xml.WriteElementString("link", channel.EntryUrl(entry));
                xml.WriteElementString("description", XmlText.Clean(entry.Summary));
                xml.WriteElementString("category", typeName(entry.Type));
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(FeedChannel.EntryId(entry));
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Rfc822(entry.PublishedAt));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    /// <summary>RFC 822 with a four-digit year (RFC 1123), which the RSS specification allows and readers expect.</summary>
    public static string Rfc822(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);
}
