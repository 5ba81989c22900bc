using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Features.Intranet.Tasks;

namespace Rathausplatz.Features.Intranet;

/// <summary>
/// For the demo town: an open community of practice with a few posts (a tag, a mention, a comment, reactions) and
/// an invitation-only project with the demo guest in it, so /intranet shows what it is for, and signing in as
/// the guest shows that a guest sees their space and nothing else.
/// </summary>
public static class DemoIntranet
{
    public static async Task SeedAsync(AppDb db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var people = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        Guid Person(string email) => people[email];
        var staff = Person("mitarbeit@musterstadt.example");
        var editor = Person("redaktion@musterstadt.example");
        var admin = Person("verwaltung@musterstadt.example");
        var guest = Person("gast@musterstadt.example");

        var digital = new Space
        {
            Kind = SpaceKind.CommunityOfPractice,
            Title = "Digitale Verwaltung",
            Description = "Wir teilen, was bei der Digitalisierung klappt und was nicht: E-Akte, Online-Anträge, Videokonferenzen.",
            JoinPolicy = JoinPolicy.Open,
            CreatedAt = now.AddDays(-20),
        };
        var park = new Space
        {
            Kind = SpaceKind.Project,
            Title = "Projekt Stadtpark",
            Description = "Neupflanzung im Stadtpark mit dem Gärtnerverein. Termine, Pläne und Absprachen.",
            JoinPolicy = JoinPolicy.InvitationOnly,
            CreatedAt = now.AddDays(-10),
        };
        db.AddRange(digital, park);
        db.AddRange(
            new SpaceMember { SpaceId = digital.Id, UserId = staff, Role = SpaceRole.Owner, JoinedAt = digital.CreatedAt },
            new SpaceMember { SpaceId = digital.Id, UserId = editor, Role = SpaceRole.Member, JoinedAt = digital.CreatedAt },
            new SpaceMember { SpaceId = digital.Id, UserId = admin, Role = SpaceRole.Member, JoinedAt = digital.CreatedAt },
            new SpaceMember { SpaceId = park.Id, UserId = staff, Role = SpaceRole.Owner, JoinedAt = park.CreatedAt },
            new SpaceMember { SpaceId = park.Id, UserId = guest, Role = SpaceRole.Guest, JoinedAt = park.CreatedAt });

        StreamPost Post(Space space, Guid author, string body, DateTime at, params string[] tags)
        {
            var post = new StreamPost { SpaceId = space.Id, AuthorId = author, Body = body, CreatedAt = at };
            db.Add(post);
            foreach (var tag in tags)
                db.Add(new StreamTag { SpaceId = space.Id, PostId = post.Id, Tag = tag, CreatedAt = at });
            return post;
        }

        var eAkte = Post(digital, staff, "Seit Montag läuft die **E-Akte** im Bürgerbüro. Erste Erfahrungen:\n\n- Scannen dauert länger als gedacht\n- Suchen geht viel schneller\n\n#eakte", now.AddDays(-3), "eakte");
        Post(digital, editor, "Vorlage für barrierefreie PDFs liegt jetzt im Laufwerk. Fragen gern hier. #barrierefreiheit", now.AddDays(-2), "barrierefreiheit");
        var question = Post(digital, admin, "@Mia.Mitarbeit, können wir die Erfahrungen mit der #eakte beim nächsten Amtsleitungstreffen vorstellen?", now.AddDays(-1), "eakte");
        db.Add(new StreamMention { SpaceId = digital.Id, PostId = question.Id, UserId = staff, CreatedAt = question.CreatedAt });
        db.Add(new StreamComment { PostId = eAkte.Id, AuthorId = editor, Body = "Danke! Welcher Scanner ist das?", CreatedAt = now.AddDays(-3).AddHours(2) });
        db.Add(new StreamReaction { PostId = eAkte.Id, UserId = admin, Kind = ReactionKind.Helpful });
        db.Add(new StreamReaction { PostId = eAkte.Id, UserId = editor, Kind = ReactionKind.Like });
        Post(park, staff, "Pflanztermin ist der Samstag in zwei Wochen, 10 Uhr am Haupteingang. #termin", now.AddDays(-4), "termin");
        Post(park, guest, "Wir bringen 40 Setzlinge und Werkzeug mit.", now.AddDays(-3));
        var today = DateOnly.FromDateTime(TownTime.ToLocal(now)!.Value);
        SpaceTask Task(string title, string description, Guid? assignee, int? dueInDays, TaskState state) => new()
        {
            SpaceId = park.Id, Title = title, Description = description, AssigneeId = assignee,
            DueOn = dueInDays is { } days ? today.AddDays(days) : null, State = state,
            CreatedById = staff, CreatedAt = now.AddDays(-5), UpdatedAt = now.AddDays(-5),
        };
        db.AddRange(
            Task("Pflanzplan mit dem Gärtnerverein abstimmen", "Welche Bäume wohin? Der Plan liegt als Entwurf vor.", staff, -1, TaskState.InProgress),
            Task("Setzlinge und Werkzeug bereitstellen", "40 Setzlinge, Spaten, Gießkannen.", guest, 12, TaskState.Open),
            Task("Presseinfo zum Pflanztermin", "Kurz und mit Foto, **eine Woche vorher**.", null, 7, TaskState.Open),
            Task("Wasseranschluss am Haupteingang prüfen", "", staff, null, TaskState.Done));
        Wiki.DemoWiki.Seed(db, now, digital.Id, staff);
        await db.SaveChangesAsync();
        await People.DemoPeople.SeedAsync(db, time);
    }
}
