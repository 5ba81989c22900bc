using System.Globalization;
using System.Xml;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>Atom (RFC 4287). The feed id is its own address: it is stable as long as the address is.</summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(FeedChannel channel, IReadOnlyList<FeedEntry> entries, DateTime emptyUpdated, Func<PostType, string> typeName)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, XmlText.Settings))
        {
            xml.WriteStartDocument();
            WriteHead(xml, channel, entries.Count > 0 ? entries.Max(e => e.UpdatedAt) : emptyUpdated);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                if (entry.Language != channel.Language)
                    xml.WriteAttributeString("xml", "lang", null, entry.Language);
                xml.WriteElementString("id", Namespace, FeedChannel.EntryId(entry));
                xml.WriteElementString("title", Namespace, XmlText.Clean(entry.Title));
                Link(xml, channel.EntryUrl(entry), "alternate", "text/html");
                xml.WriteElementString("published", Namespace, Rfc3339(entry.PublishedAt));
                xml.WriteElementString("updated", Namespace, Rfc3339(entry.UpdatedAt));
                xml.WriteStartElement("category", Namespace);
                xml.WriteAttributeString("term", PostTypeNames.Slug(entry.Type));
                xml.WriteAttributeString("label", typeName(entry.Type));
                xml.WriteEndElement();
                if (entry.Summary.Length > 0)
                    xml.WriteElementString("summary", Namespace, XmlText.Clean(entry.Summary));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    /// <summary>Opens the feed element and writes what it says about itself (the CAP index shares it); the caller writes entries and closes it.</summary>
    internal static void WriteHead(XmlWriter xml, FeedChannel channel, DateTime updated)
    {
        xml.WriteStartElement("feed", Namespace);
        xml.WriteAttributeString("xml", "lang", null, channel.Language);
        xml.WriteElementString("id", Namespace, channel.SelfUrl);
        xml.WriteElementString("title", Namespace, XmlText.Clean(channel.Title));
        if (channel.Description.Length > 0)
            xml.WriteElementString("subtitle", Namespace, XmlText.Clean(channel.Description));
        xml.WriteElementString("updated", Namespace, Rfc3339(updated));
        Link(xml, channel.SelfUrl, "self", "application/atom+xml");
        Link(xml, channel.ListUrl, "alternate", "text/html");
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, XmlText.Clean(channel.Author));
        xml.WriteEndElement();
    }

    public static string Rfc3339(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static void Link(XmlWriter xml, string href, string rel, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
