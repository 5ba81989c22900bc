using System.Xml;
using Rathausplatz.Features.Newsroom.Public;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>
/// Alerts for machines: an Atom index of the alerts in force (/feeds/cap, as the OASIS CAP feed practice has it)
/// linking one CAP 1.2 message per alert (/aktuelles/{slug}/cap.xml). Anonymous, conditional GET like the other feeds.
/// </summary>
public static class CapApi
{
    private const string Atom = AtomFeed.Namespace;

    public static IEndpointRouteBuilder MapCapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicPageCache.Policy);
        feeds.MapGet("/feeds/cap", IndexAsync);
        feeds.MapGet("/aktuelles/{slug}/cap.xml", MessageAsync);
        return app;
    }

    private static async Task<IResult> IndexAsync(HttpContext context, PublicPosts posts, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var now = posts.Now;
        var active = await posts.ActiveAlerts().ToListAsync(ct);
        // The feed changed last when an alert was published, edited, came into force or expired: a time that does not move
        // with the clock, so an unchanged feed keeps its bytes and ETag. One row of maxima, not every alert ever published.
        var moments = await posts.Visible().Where(p => p.Type == PostType.Alert)
            .GroupBy(p => 1)
            .Select(g => new DateTime?[]
            {
                g.Max(p => p.PublishedAt),
                g.Max(p => p.UpdatedAt <= now ? (DateTime?)p.UpdatedAt : null),
                g.Max(p => p.ValidFrom <= now ? p.ValidFrom : null),
                g.Max(p => p.ValidUntil <= now ? p.ValidUntil : null),
            })
            .SingleOrDefaultAsync(ct); // one group or none
        var updated = moments?.Where(t => t is not null).Max() ?? DateTime.UnixEpoch;

        var site = $"{context.Request.Scheme}://{context.Request.Host}";
        var org = context.Organization().Name;
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, XmlText.Settings))
        {
            xml.WriteStartDocument();
            AtomFeed.WriteHead(xml, new FeedChannel($"{text["Warnungen"]} – {org}", "", org, PostLanguages.German, site,
                $"{site}/aktuelles?typ=warnung", $"{site}/feeds/cap"), updated);
            foreach (var alert in active)
            {
                var page = $"{site}/aktuelles/{Uri.EscapeDataString(alert.Slug)}";
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:uuid:{alert.Id}");
                xml.WriteElementString("title", Atom, XmlText.Clean(alert.German.Title));
                AtomFeed.Link(xml, $"{page}/cap.xml", "alternate", "application/cap+xml");
                AtomFeed.Link(xml, page, "related", "text/html");
                xml.WriteElementString("published", Atom, AtomFeed.Rfc3339(alert.PublishedAt!.Value));
                xml.WriteElementString("updated", Atom, AtomFeed.Rfc3339(alert.UpdatedAt > alert.PublishedAt.Value ? alert.UpdatedAt : alert.PublishedAt.Value));
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", CapAlert.CapSeverity(alert.Severity ?? AlertSeverity.Info));
                xml.WriteAttributeString("scheme", "urn:oasis:names:tc:emergency:cap:1.2:severity");
                xml.WriteEndElement();
                if (alert.German.Summary.Length > 0)
                    xml.WriteElementString("summary", Atom, XmlText.Clean(alert.German.Summary));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return ConditionalGet.Respond(context, buffer.ToArray(), AtomFeed.ContentType, moments is null ? null : updated);
    }

    private static async Task<IResult> MessageAsync(string slug, HttpContext context, PublicPosts posts, CancellationToken ct)
    {
        var alert = await posts.Visible().Include(p => p.Districts).SingleOrDefaultAsync(p => p.Type == PostType.Alert && p.Slug == slug, ct);
        if (alert is null)
            return Results.NotFound();
        var org = context.Organization();
        var contact = string.Join(", ", new[] { org.ContactEmail, org.ContactPhone }.Where(c => !string.IsNullOrWhiteSpace(c)));
        var source = new CapSource(alert, alert.Districts.OrderBy(d => d.Name, StringComparer.CurrentCulture).Select(d => (d.Name, d.BoundaryGeoJson)).ToList(),
            context.Request.Host.Host, org.Name, contact.Length > 0 ? contact : null,
            $"{context.Request.Scheme}://{context.Request.Host}/aktuelles/{Uri.EscapeDataString(alert.Slug)}");
        var body = CapAlert.Write(source, posts.Now);
        return ConditionalGet.Respond(context, body, CapAlert.ContentType, alert.UpdatedAt > alert.PublishedAt!.Value ? alert.UpdatedAt : alert.PublishedAt.Value);
    }
}
