using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>An alert post with what a CAP message needs besides it: its districts' names and boundaries, and who sends it.</summary>
public sealed record CapSource(Post Post, IReadOnlyList<(string Name, string BoundaryGeoJson)> Districts, string Host, string OrganizationName,
    string? OrganizationContact, string PageUrl);

/// <summary>
/// One alert as an OASIS Common Alerting Protocol 1.2 message (http://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2-os.html),
/// the format warning apps, sirens' control systems and other authorities' systems read.
/// Our three severities map to CAP's values as follows (docs/newsroom.md, "CAP"):
/// <list type="bullet">
/// <item>info ("Hinweis") → severity Minor, category Other, urgency Future;</item>
/// <item>warning ("Warnung") → Moderate, Safety, Expected (a possible threat, like a weather service's level-2 warning);</item>
/// <item>danger ("Gefahr") → Extreme, Safety, Immediate.</item>
/// </list>
/// Certainty is Observed once the alert is in force and Likely before; urgency is Past once it has expired.
/// </summary>
public static class CapAlert
{
    public const string ContentType = "application/cap+xml; charset=utf-8";
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    public static byte[] Write(CapSource source, DateTime nowUtc)
    {
        var post = source.Post;
        var severity = post.Severity ?? AlertSeverity.Info;
        // A post changed after publication is an Update that references the first message: same sender, its identifier and sent time.
        var updated = post.UpdatedAt > post.PublishedAt!.Value;
        var sent = updated ? post.UpdatedAt : post.PublishedAt.Value;
        var first = Identifier(source.Host, post.Id, null);

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("alert", Namespace);
            Element(xml, "identifier", updated ? Identifier(source.Host, post.Id, post.UpdatedAt) : first);
            Element(xml, "sender", source.Host);
            Element(xml, "sent", Time(sent));
            Element(xml, "status", "Actual");
            Element(xml, "msgType", updated ? "Update" : "Alert");
            Element(xml, "scope", "Public");
            if (updated)
                Element(xml, "references", $"{source.Host},{first},{Time(post.PublishedAt.Value)}");
            Info(xml, source, post.German, "de-DE", severity, nowUtc);
            if (post.In(PostLanguages.English) is { } english)
                Info(xml, source, english, "en-US", severity, nowUtc);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    /// <summary>Unique per message, as CAP asks: the first one is host-id, an update adds the time of the change.</summary>
    public static string Identifier(string host, Guid id, DateTime? updatedUtc) =>
        updatedUtc is { } at ? FormattableString.Invariant($"{host}-{id}-{at:yyyyMMddHHmmss}") : $"{host}-{id}";

    /// <summary>CAP's date-time: the town's time with its offset, whole seconds, never "Z" (2026-11-26T10:00:00+01:00).</summary>
    public static string Time(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), TownTime.Zone);
        return local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static string CapSeverity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Danger => "Extreme",
        AlertSeverity.Warning => "Moderate",
        _ => "Minor",
    };

    private static string Urgency(AlertSeverity severity, Post post, DateTime now) =>
        post.ValidUntil is { } until && until <= now ? "Past"
        : severity switch { AlertSeverity.Danger => "Immediate", AlertSeverity.Warning => "Expected", _ => "Future" };

    private static void Info(XmlWriter xml, CapSource source, PostContent content, string language, AlertSeverity severity, DateTime now)
    {
        var post = source.Post;
        var english = language.StartsWith("en", StringComparison.Ordinal);
        xml.WriteStartElement("info", Namespace);
        Element(xml, "language", language);
        Element(xml, "category", severity == AlertSeverity.Info ? "Other" : "Safety");
        // The event type in the block's own language. CAP blocks are fixed to German and English, so the two words live here, not in the resx.
        Element(xml, "event", (severity, english) switch
        {
            (AlertSeverity.Danger, false) => "Gefahr",
            (AlertSeverity.Danger, true) => "Danger",
            (AlertSeverity.Warning, false) => "Warnung",
            (AlertSeverity.Warning, true) => "Warning",
            (_, false) => "Hinweis",
            (_, true) => "Notice",
        });
        Element(xml, "urgency", Urgency(severity, post, now));
        Element(xml, "severity", CapSeverity(severity));
        Element(xml, "certainty", post.ValidFrom is { } from && from > now ? "Likely" : "Observed");
        Element(xml, "effective", Time(post.ValidFrom ?? post.PublishedAt!.Value));
        if (post.ValidFrom is { } onset)
            Element(xml, "onset", Time(onset));
        if (post.ValidUntil is { } expires)
            Element(xml, "expires", Time(expires));
        Element(xml, "senderName", source.OrganizationName);
        Element(xml, "headline", content.Title);
        var body = MarkdownRenderer.ToPlainText(content.Body);
        var description = string.Join("\n\n", new[] { content.Summary, body }.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (description.Length > 0)
            Element(xml, "description", description);
        Element(xml, "web", source.PageUrl);
        var contact = string.Join(", ", new[] { post.ContactName, post.ContactDepartment, post.ContactEmail }.Where(t => !string.IsNullOrWhiteSpace(t)));
        if ((contact.Length > 0 ? contact : source.OrganizationContact) is { Length: > 0 } reach)
            Element(xml, "contact", reach);
        xml.WriteStartElement("area", Namespace);
        Element(xml, "areaDesc", source.Districts.Count > 0 ? string.Join(", ", source.Districts.Select(d => d.Name)) : source.OrganizationName);
        foreach (var polygon in source.Districts.SelectMany(d => Polygons(d.BoundaryGeoJson)))
            Element(xml, "polygon", polygon);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>
    /// A district's boundary as CAP polygons ("lat,lon lat,lon …", first point = last): one per part of a Polygon or
    /// MultiPolygon. A part with holes has no CAP equivalent, so such a boundary gives none (the area's names still say where).
    /// </summary>
    public static IReadOnlyList<string> Polygons(string geoJson)
    {
        try
        {
            using var document = JsonDocument.Parse(geoJson);
            var geometry = document.RootElement;
            var coordinates = geometry.GetProperty("coordinates");
            var parts = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [coordinates],
                "MultiPolygon" => coordinates.EnumerateArray().ToList(),
                _ => new List<JsonElement>(),
            };
            if (parts.Any(rings => rings.GetArrayLength() != 1))
                return [];
            return parts.Select(rings => string.Join(" ", rings[0].EnumerateArray().Select(p =>
                string.Create(CultureInfo.InvariantCulture, $"{p[1].GetDouble()},{p[0].GetDouble()}")))).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return [];
        }
    }

    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString(name, Namespace, XmlText.Clean(value));
}
