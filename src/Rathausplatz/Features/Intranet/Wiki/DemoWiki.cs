using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// For the demo town: a process page in a space's wiki with a link to a page still to be written, and two pages of
/// the knowledge base (one under the other, linked), each with its first revision and its links, as a save leaves them.
/// </summary>
public static class DemoWiki
{
    public static void Seed(AppDb db, DateTime now, Guid spaceId, Guid author)
    {
        Page(db, spaceId, null, 1, "E-Akte im Bürgerbüro",
            "## Zweck\n\nEingehende Post wird am selben Tag gescannt und der Vorgangsakte zugeordnet.\n\n## Zuständigkeit\n\nBürgerbüro, Team Posteingang.\n\n"
            + "## Ablauf\n\n1. Post öffnen und scannen (siehe [[Scanner einrichten]])\n2. Dokument in der E-Akte dem Vorgang zuordnen\n3. Papier nach 3 Monaten vernichten\n\n"
            + "## Fristen\n\n- Scannen am Tag des Eingangs\n\n## Ansprechpersonen\n\n- Mia Mitarbeit", author, now.AddDays(-5));
        var welcome = Page(db, null, null, 1, "Willkommen in der Stadtverwaltung",
            "Hier steht, was alle Beschäftigten wissen sollten.\n\n- [[Reisekosten abrechnen]]\n- Fragen zur Digitalisierung: im Raum „Digitale Verwaltung“", author, now.AddDays(-8));
        Page(db, null, welcome.Id, 1, "Reisekosten abrechnen",
            "Dienstreisen rechnen Sie binnen **sechs Monaten** nach Reiseende ab.\n\n1. Formular im Portal ausfüllen\n2. Belege anhängen\n3. Von der Leitung abzeichnen lassen\n\nZurück zur [[Willkommen in der Stadtverwaltung|Übersicht]].", author, now.AddDays(-7));
    }

    private static WikiPage Page(AppDb db, Guid? spaceId, Guid? parentId, int position, string title, string body, Guid author, DateTime at)
    {
        var key = WikiText.KeyOf(title)!;
        var page = new WikiPage
        {
            SpaceId = spaceId, ParentId = parentId, Position = position, Title = title, Slug = key, TitleKey = key, Body = body,
            Version = 1, CreatedAt = at, UpdatedAt = at,
        };
        db.Add(page);
        db.Add(new WikiRevision { PageId = page.Id, Number = 1, AuthorId = author, CreatedAt = at, Title = title, Body = body });
        foreach (var target in WikiText.LinkKeys(body))
            db.Add(new WikiLink { FromPageId = page.Id, SpaceId = spaceId, TargetKey = target });
        return page;
    }
}
