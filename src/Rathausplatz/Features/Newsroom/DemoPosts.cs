using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Newsroom;

/// <summary>
/// A few published items of each type for the demo town, so a fresh `dotnet run` shows a lively home
/// page: one alert valid for the next days, news, events ahead, service information and jobs.
/// </summary>
public static class DemoPosts
{
    public static async Task SeedAsync(AppDb db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var topics = await db.Set<Topic>().ToDictionaryAsync(t => t.Slug);
        var districts = await db.Set<District>().ToDictionaryAsync(d => d.Slug);

        Post Make(PostType type, string slug, string title, string summary, string body, int daysAgo, string[] topicSlugs, string[] districtSlugs)
        {
            var post = new Post
            {
                Type = type,
                Slug = slug,
                Status = PostStatus.Published,
                PublishedAt = now.AddDays(-daysAgo).AddHours(-1),
                CreatedByName = "Rudi Redaktion",
                CreatedAt = now.AddDays(-daysAgo - 1),
                UpdatedAt = now.AddDays(-daysAgo),
                ContactDepartment = "Presse- und Öffentlichkeitsarbeit",
                ContactEmail = "presse@musterstadt.example",
                Topics = topicSlugs.Select(s => topics[s]).ToList(),
                Districts = districtSlugs.Select(s => districts[s]).ToList(),
            };
            post.Contents.Add(new PostContent { Language = PostLanguages.German, Title = title, Summary = summary, Body = body });
            db.Add(post);
            return post;
        }

        var alert = Make(PostType.Alert, "sturmwarnung", "Sturmwarnung für das Stadtgebiet",
            "Der Deutsche Wetterdienst warnt vor Sturmböen bis 90 km/h. Parks und Friedhöfe bleiben geschlossen.",
            "Bitte meiden Sie Parks, Alleen und Friedhöfe. Sichern Sie lose Gegenstände auf Balkonen.\n\n**Notruf:** 112", 0, ["umwelt"], []);
        (alert.Severity, alert.ValidFrom, alert.ValidUntil) = (AlertSeverity.Warning, now.AddHours(-2), now.AddDays(3));
        alert.Contents.Add(new PostContent { Language = PostLanguages.English, Title = "Storm warning for the town", Summary = "The German Weather Service warns of gusts up to 90 km/h. Parks and cemeteries stay closed." });

        Make(PostType.News, "neue-radwege-nordstadt", "Neue Radwege in der Nordstadt",
            "Ab Montag rollt der Verkehr auf zwei neuen, geschützten Radstreifen.",
            "Die Stadt hat in der Nordstadt zwei neue **geschützte Radstreifen** fertiggestellt.\n\n- Bahnhofstraße zwischen Markt und Schule\n- Lindenallee bis zum Stadtpark\n\nMehr unter [musterstadt.example](https://musterstadt.example).", 1, ["verkehr"], ["nordstadt"]);
        Make(PostType.News, "haushalt-2027", "Stadtrat beschließt Haushalt 2027",
            "Schwerpunkte sind Schulen, Kitas und die Sanierung des Hallenbads.",
            "Der Stadtrat hat den Haushalt für 2027 mit großer Mehrheit beschlossen.", 3, ["soziales", "wirtschaft"], []);
        Make(PostType.News, "baeume-altstadt", "60 neue Bäume für die Altstadt",
            "Im Herbst pflanzt die Stadtgärtnerei Linden und Ahorn.", "Die Pflanzungen beginnen in der Kirchgasse.", 6, ["umwelt"], ["altstadt"]);

        var market = Make(PostType.Event, "weihnachtsmarkt", "Weihnachtsmarkt auf dem Rathausplatz",
            "Glühwein, Kunsthandwerk und Musik – vier Wochen lang.", "Der Markt ist barrierefrei zugänglich. Am Eröffnungsabend spielt die Musikschule.", 2, ["kultur"], ["altstadt"]);
        (market.EventStart, market.EventEnd, market.PlaceName, market.Latitude, market.Longitude, market.AccessibilityNotes) =
            (today.AddDays(5).AddHours(15), today.AddDays(5).AddHours(21), "Rathausplatz", 51.005, 10.007, "Ebenerdig, Behinderten-WC im Rathaus");
        var council = Make(PostType.Event, "buergerversammlung-suedstadt", "Bürgerversammlung Südstadt",
            "Die Stadt stellt die Pläne für den neuen Quartiersplatz vor.", "Fragen können vorab per E-Mail gestellt werden.", 4, ["bauen"], ["suedstadt"]);
        (council.EventStart, council.EventEnd, council.PlaceName, council.RegistrationUrl) =
            (today.AddDays(9).AddHours(17), today.AddDays(9).AddHours(19), "Gemeindezentrum Südstadt", "https://musterstadt.example/anmeldung");

        var office = Make(PostType.ServiceInformation, "buergeramt-geschlossen", "Bürgeramt am Freitag geschlossen",
            "Wegen einer Schulung bleibt das Bürgeramt am Freitag geschlossen.", "Termine verschieben wir automatisch; Sie erhalten eine E-Mail.", 1, [], []);
        (office.ValidFrom, office.ValidUntil) = (now, today.AddDays(6));
        var waste = Make(PostType.ServiceInformation, "abfuhr-verschoben", "Müllabfuhr verschiebt sich nach dem Feiertag",
            "Alle Abfuhrtermine verschieben sich um einen Tag.", "Bitte stellen Sie die Tonnen am Folgetag bis 6 Uhr bereit.", 2, ["umwelt"], []);
        (waste.ValidFrom, waste.ValidUntil) = (now, today.AddDays(14));

        var job = Make(PostType.JobPosting, "sachbearbeitung-buergeramt", "Sachbearbeitung im Bürgeramt (m/w/d)",
            "Wir suchen Verstärkung für unser Team im Bürgeramt.", "Sie beraten Bürgerinnen und Bürger und bearbeiten Meldeangelegenheiten.", 5, [], []);
        (job.JobDepartment, job.EmploymentType, job.PayGrade, job.PlaceName, job.ApplicationDeadline, job.HowToApply) =
            ("Bürgeramt", "Vollzeit, unbefristet", "TVöD E 9a", "Rathaus Musterstadt", today.AddDays(21).AddHours(22).AddMinutes(59), "Bitte bewerben Sie sich per E-Mail an bewerbung@musterstadt.example.");
        var gardener = Make(PostType.JobPosting, "gaertnerin-stadtgaertnerei", "Gärtnerin oder Gärtner (m/w/d)",
            "Für die Pflege unserer Parks und Grünanlagen.", "Sie pflegen Grünanlagen, Spielplätze und Straßenbäume.", 8, ["umwelt"], []);
        (gardener.JobDepartment, gardener.EmploymentType, gardener.PayGrade, gardener.PlaceName, gardener.ApplicationDeadline, gardener.HowToApply) =
            ("Stadtgärtnerei", "Teilzeit (30 Std.)", "TVöD E 5", "Betriebshof", today.AddDays(10).AddHours(22).AddMinutes(59), "Bewerbung über bewerbung@musterstadt.example.");

        var saturday = today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7);
        var weekly = Make(PostType.Event, "wochenmarkt", "Wochenmarkt auf dem Marktplatz",
            "Obst, Gemüse und Blumen aus der Region – jeden Samstagvormittag.", "Der Markt findet bei jedem Wetter statt.", 7, ["wirtschaft"], ["altstadt"]);
        (weekly.EventStart, weekly.EventEnd, weekly.PlaceName, weekly.Recurrence) =
            (TownTime.ToUtc(saturday.AddHours(8)), TownTime.ToUtc(saturday.AddHours(13)), "Marktplatz", "FREQ=WEEKLY;BYDAY=SA");

        foreach (var post in db.ChangeTracker.Entries<Post>().Select(e => e.Entity))
            Events.EventRecurrence.Recompute(post, now);
        await db.SaveChangesAsync();
    }
}
