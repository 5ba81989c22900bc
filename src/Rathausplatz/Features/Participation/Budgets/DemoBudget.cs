using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>
/// For the demo town: this year's participatory budget with its vote running (a few staff accounts have voted;
/// Bea Bürger has not, so signing in as her shows the whole ballot), and last year's, closed, with its result and
/// the progress of the funded projects.
/// </summary>
public static class DemoBudget
{
    public static async Task SeedAsync(AppDb db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TownTime.ToLocal(now)!.Value);
        var people = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        var districts = await db.Set<District>().ToDictionaryAsync(d => d.Slug, d => d.Id);
        Guid? In(string slug) => districts.TryGetValue(slug, out var id) ? id : null;

        static ProcessPhase Phase(PhaseKind kind, string name, DateOnly first, DateOnly last) =>
            new() { Kind = kind, Name = name, StartsAt = ProcessPhase.StartOf(first), EndsAt = ProcessPhase.StartOf(last.AddDays(1)) };

        var current = new ParticipationProcess
        {
            Slug = "buergerhaushalt-2027",
            Title = "Bürgerhaushalt 2027",
            Summary = "250.000 Euro für Ihre Ideen: Stimmen Sie ab, welche Projekte die Stadt umsetzt.",
            Goals = "Die Stadt stellt **250.000 Euro** bereit. Wählen Sie Projekte, die zusammen höchstens so viel kosten; gefördert wird nach Stimmen.",
            Published = true,
            BudgetEnabled = true,
            BudgetCents = 250_000_00,
            CreatedAt = now,
            UpdatedAt = now,
            Phases =
            [
                Phase(PhaseKind.Information, "Information", today.AddDays(-20), today.AddDays(-4)),
                Phase(PhaseKind.Voting, "Abstimmung", today.AddDays(-3), today.AddDays(25)),
                Phase(PhaseKind.Results, "Ergebnis und Umsetzung", today.AddDays(26), today.AddDays(400)),
            ],
        };
        db.Add(current);
        BudgetProject Project(ParticipationProcess process, string title, string description, long euros, string? district) =>
            Add(db, new BudgetProject
            {
                ProcessId = process.Id, Title = title, Description = description, CostCents = euros * 100, DistrictId = district is null ? null : In(district),
                CreatedAt = now, UpdatedAt = now,
            });
        var playground = Project(current, "Spielplatz am Stadtpark erneuern", "Neue Geräte, auch für Kinder im Rollstuhl, und Schatten durch ein Sonnensegel.", 120_000, "nordstadt");
        var fountain = Project(current, "Trinkbrunnen in der Altstadt", "Drei Trinkbrunnen mit Trinkwasser an Marktplatz, Rathaus und Bahnhof.", 45_000, "altstadt");
        var benches = Project(current, "Bänke mit Lehnen an den Hauptwegen", "Vierzig Bänke mit Rücken- und Armlehnen, alle 200 Meter an den Hauptwegen.", 38_000, null);
        var bikes = Project(current, "Fahrradbügel an Schulen", "Überdachte Fahrradbügel an allen fünf Grundschulen.", 60_000, null);
        var trees = Project(current, "Hundert Straßenbäume", "Hundert Stadtklimabäume in Straßen ohne Grün, mit drei Jahren Pflege.", 150_000, "suedstadt");
        Project(current, "Bücherschrank im Ostpark", "Ein offener Bücherschrank aus Holz, von der Bürgerstiftung betreut.", 6_500, "oststadt");

        void Vote(ParticipationProcess process, string email, string? district, DateTime at, params BudgetProject[] projects)
        {
            var ballot = Add(db, new BudgetBallot { ProcessId = process.Id, UserId = people[email], DistrictId = district is null ? null : In(district), CastAt = at, UpdatedAt = at });
            foreach (var project in projects)
                db.Add(new BallotSelection { BallotId = ballot.Id, ProjectId = project.Id });
        }
        Vote(current, "gast@musterstadt.example", "nordstadt", now.AddDays(-2), playground, fountain, benches);
        Vote(current, "mitarbeit@musterstadt.example", "altstadt", now.AddDays(-2), fountain, bikes, benches, trees);
        Vote(current, "redaktion@musterstadt.example", "suedstadt", now.AddDays(-1), trees, fountain);

        var last = new ParticipationProcess
        {
            Slug = "buergerhaushalt-2026",
            Title = "Bürgerhaushalt 2026",
            Summary = "Das Ergebnis des letzten Bürgerhaushalts und was aus den Projekten geworden ist.",
            Goals = "200.000 Euro für Projekte der Bürgerinnen und Bürger.",
            Published = true,
            BudgetEnabled = true,
            BudgetCents = 200_000_00,
            CreatedAt = now.AddDays(-400),
            UpdatedAt = now.AddDays(-400),
            Phases = [Phase(PhaseKind.Voting, "Abstimmung", today.AddDays(-380), today.AddDays(-350))],
        };
        db.Add(last);
        var skatepark = Project(last, "Skateanlage an der Weststadt-Schule", "Eine Skateanlage aus Beton mit Bereichen für Anfänger.", 140_000, "weststadt");
        var toilets = Project(last, "Öffentliche Toilette am Bahnhof", "Barrierefrei, rund um die Uhr geöffnet.", 90_000, "altstadt");
        var lights = Project(last, "Beleuchtung am Radweg zur Südstadt", "Sparsame Leuchten mit Bewegungsmeldern auf 1,2 Kilometern.", 55_000, "suedstadt");
        var at = now.AddDays(-360);
        Vote(last, "gast@musterstadt.example", "weststadt", at, skatepark, lights);
        Vote(last, "mitarbeit@musterstadt.example", "altstadt", at, toilets, lights);
        Vote(last, "redaktion@musterstadt.example", "weststadt", at, skatepark);
        Vote(last, "verwaltung@musterstadt.example", "suedstadt", at, skatepark, lights);

        (skatepark.Progress, skatepark.PercentDone) = (ProjectProgress.InProgress, 60);
        (lights.Progress, lights.PercentDone) = (ProjectProgress.Completed, 100);
        var editor = people["redaktion@musterstadt.example"];
        db.Add(new ProgressUpdate { ProjectId = skatepark.Id, AuthorId = editor, At = now.AddDays(-200), Progress = ProjectProgress.InProgress, PercentDone = 20,
            Body = "Die Planung ist fertig; die Jugendlichen der Schule haben die Bereiche mitgestaltet." });
        db.Add(new ProgressUpdate { ProjectId = skatepark.Id, AuthorId = editor, At = now.AddDays(-30), Progress = ProjectProgress.InProgress, PercentDone = 60,
            Body = "Der Beton ist gegossen. Eröffnung voraussichtlich im Frühjahr." });
        db.Add(new ProgressUpdate { ProjectId = lights.Id, AuthorId = editor, At = now.AddDays(-90), Progress = ProjectProgress.Completed, PercentDone = 100,
            Body = "Alle **42 Leuchten** sind in Betrieb." });
        await db.SaveChangesAsync();
    }

    private static T Add<T>(AppDb db, T row) where T : class
    {
        db.Add(row);
        return row;
    }
}
