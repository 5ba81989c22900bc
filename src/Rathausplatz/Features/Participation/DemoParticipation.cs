using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Features.Participation.Surveys;

namespace Rathausplatz.Features.Participation;

/// <summary>
/// For the demo town: one process in its proposal phase with a few proposals, supports and comments, and one
/// coming up, so /beteiligung shows what it is for on a fresh install. Bea Bürger (the citizen account) has
/// not taken part yet, so signing in as her shows the whole way in, netiquette included.
/// </summary>
public static class DemoParticipation
{
    public static async Task SeedAsync(AppDb db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TownTime.ToLocal(now)!.Value);
        var people = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        Guid Person(string email) => people[email];
        var guest = Person("gast@musterstadt.example");
        var staff = Person("mitarbeit@musterstadt.example");
        var editor = Person("redaktion@musterstadt.example");
        var admin = Person("verwaltung@musterstadt.example");

        static ProcessPhase Phase(PhaseKind kind, string name, DateOnly first, DateOnly last) =>
            new() { Kind = kind, Name = name, StartsAt = ProcessPhase.StartOf(first), EndsAt = ProcessPhase.StartOf(last.AddDays(1)) };

        var altstadt = await db.Set<District>().Where(d => d.Slug == "altstadt").Select(d => d.Id).SingleAsync();
        var topics = await db.Set<Topic>().Where(t => t.Slug == "verkehr" || t.Slug == "bauen").Select(t => t.Id).ToListAsync();
        var market = new ParticipationProcess
        {
            Slug = "marktplatz",
            Title = "Neugestaltung des Marktplatzes",
            Summary = "Der Marktplatz wird 2027 umgebaut. Was soll er künftig bieten?",
            Goals = """
                Der Marktplatz soll **ein Ort für alle** werden: zum Einkaufen, Verweilen und Feiern.

                - Offen sind: Bäume und Schatten, Sitzplätze, Spielangebote, Wasser.
                - Fest stehen: der Wochenmarkt bleibt, die Zufahrt für Lieferverkehr bleibt.

                Ab 10 Unterstützungen prüft die Verwaltung einen Vorschlag und antwortet öffentlich.
                """,
            Published = true,
            ProposalsEnabled = true,
            SupportThreshold = 10,
            SurveysEnabled = true,
            DebatesEnabled = true,
            OpenWithoutAccount = true,
            CreatedAt = now,
            UpdatedAt = now,
            Phases =
            [
                Phase(PhaseKind.Information, "Information", today.AddDays(-30), today.AddDays(-15)),
                Phase(PhaseKind.Proposals, "Vorschläge sammeln", today.AddDays(-14), today.AddDays(21)),
                Phase(PhaseKind.Evaluation, "Prüfung durch die Verwaltung", today.AddDays(22), today.AddDays(50)),
                Phase(PhaseKind.Results, "Ergebnisse", today.AddDays(51), today.AddDays(60)),
            ],
            Districts = [new ProcessDistrict { DistrictId = altstadt }],
            Topics = topics.Select(t => new ProcessTopic { TopicId = t }).ToList(),
        };
        db.Add(market);
        db.Add(new ParticipationProcess
        {
            Slug = "radverkehr-2027",
            Title = "Radverkehrskonzept 2027",
            Summary = "Wo fehlen Radwege, Abstellanlagen und sichere Kreuzungen?",
            Goals = "Im Frühjahr sammeln wir Hinweise zum Radverkehr in allen Stadtteilen.",
            Published = true,
            ProposalsEnabled = true,
            CreatedAt = now,
            UpdatedAt = now,
            Phases = [Phase(PhaseKind.Proposals, "Hinweise sammeln", today.AddDays(40), today.AddDays(80))],
        });

        Proposal Propose(Guid author, string title, string body, int daysAgo, Guid? district = null, double? lat = null, double? lon = null)
        {
            var proposal = new Proposal
            {
                ProcessId = market.Id, AuthorId = author, Title = title, Body = body, CreatedAt = now.AddDays(-daysAgo),
                DistrictId = district, Latitude = lat, Longitude = lon,
            };
            db.Add(proposal);
            return proposal;
        }
        var trees = Propose(guest, "Mehr Bäume für Schatten", "Im Sommer ist der Platz eine Hitzeinsel. Große Bäume an den Rändern würden Schatten spenden, ohne den Markt zu stören.", 10, altstadt, 51.0052, 10.0061);
        var fountain = Propose(staff, "Wasserspiel für Kinder", "Ein ebenerdiges Wasserspiel, das im Winter abgeschaltet wird und dann Fläche für den Weihnachtsmarkt lässt.", 7, altstadt);
        var benches = Propose(guest, "Bänke mit Lehnen", "Viele ältere Menschen brauchen Bänke mit Rücken- und Armlehnen, am besten im Schatten.", 3);

        void Support(Proposal proposal, params Guid[] users)
        {
            foreach (var user in users)
                db.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = user, CreatedAt = proposal.CreatedAt.AddHours(1) });
            proposal.SupportCount = users.Length;
        }
        Support(trees, staff, editor, admin);
        Support(fountain, guest);
        Support(benches, staff);

        // Accepted as the town's netiquette reads now: a fingerprint of another text would ask them again.
        var netiquette = await Netiquette.CurrentVersionAsync(db, CancellationToken.None);
        foreach (var person in new[] { guest, staff, editor })
            db.Add(new NetiquetteAcceptance { UserId = person, AcceptedAt = now.AddDays(-12), TextVersion = netiquette });
        var question = new ProposalComment
        {
            ProposalId = trees.Id, AuthorId = staff, Body = "Gute Idee. Welche Baumarten kommen mit dem wenigen Wurzelraum zurecht?",
            Stance = Stance.For, CreatedAt = now.AddDays(-9),
        };
        db.Add(question);
        db.Add(new ProposalComment
        {
            ProposalId = trees.Id, ParentId = question.Id, Depth = 1, AuthorId = editor, Official = true, CreatedAt = now.AddDays(-8),
            Body = "Das Grünflächenamt empfiehlt Stadtklimabäume wie Zürgelbaum oder Silberlinde; unter dem Platz liegen aber Leitungen. Wir prüfen die Standorte.",
        });
        db.Add(new ProposalComment
        {
            ProposalId = trees.Id, AuthorId = guest, Body = "Bitte nicht zu viele: Der Markt braucht Platz für die Stände.",
            Stance = Stance.Against, CreatedAt = now.AddDays(-6),
        });
        SeedSurvey(db, market, today, staff, editor, admin);
        SeedDebate(db, market, today, now, editor, staff, guest);
        await db.SaveChangesAsync();
        await Budgets.DemoBudget.SeedAsync(db, time);
    }

    /// <summary>A debate open until the proposal phase ends, with a comment for, one against and the town's official answer.</summary>
    private static void SeedDebate(AppDb db, ParticipationProcess market, DateOnly today, DateTime now, Guid editor, Guid staff, Guid guest)
    {
        var debate = new Debate
        {
            ProcessId = market.Id, Title = "Soll der Marktplatz an Markttagen autofrei werden?", CreatedById = editor,
            Introduction = """
                Heute parken an Markttagen bis zu 40 Autos am Rand des Platzes. Ohne sie gäbe es Raum für Stände, Bänke und Bäume.

                - **Fest steht:** Lieferverkehr für den Markt bleibt bis 10 Uhr erlaubt.
                - **Offen ist:** ob die Parkplätze an Markttagen wegfallen und wo Ersatz entsteht.
                """,
            ClosesAt = ProcessPhase.StartOf(today.AddDays(22)), CreatedAt = now.AddDays(-5), UpdatedAt = now.AddDays(-5),
        };
        db.Add(debate);
        var pro = new ProposalComment
        {
            DebateId = debate.Id, AuthorId = staff, Stance = Stance.For, CreatedAt = now.AddDays(-4),
            Body = "Ja. Mit dem Rad und zu Fuß ist der Markt gut erreichbar, und Kinder könnten gefahrlos laufen.",
        };
        db.Add(pro);
        var contra = new ProposalComment
        {
            DebateId = debate.Id, ParentId = pro.Id, Depth = 1, AuthorId = guest, Stance = Stance.Against, CreatedAt = now.AddDays(-3),
            Body = "Für ältere Menschen vom Land ist das Auto oft die einzige Möglichkeit. Ohne Parkplätze in der Nähe kommen sie nicht mehr.",
        };
        db.Add(contra);
        db.Add(new ProposalComment
        {
            DebateId = debate.Id, ParentId = contra.Id, Depth = 2, AuthorId = editor, Official = true, CreatedAt = now.AddDays(-2),
            Body = "Die Stadt prüft zehn Plätze für Menschen mit Behinderung direkt am Platz und einen Shuttle vom Parkhaus Nord.",
        });
    }

    /// <summary>
    /// An anonymous survey running with the proposal phase, with every kind of question and a condition, and three
    /// answers (by staff accounts) so its early released results show something. The two citizen accounts have not answered it.
    /// </summary>
    private static void SeedSurvey(AppDb db, ParticipationProcess market, DateOnly today, params Guid[] people)
    {
        var survey = new Survey
        {
            ProcessId = market.Id, Title = "Wie nutzen Sie den Marktplatz?",
            Intro = "Fünf Minuten, sechs Fragen. Die Antworten sind **anonym** und fließen in den Entwurf des Planungsbüros ein.",
            OpensAt = ProcessPhase.StartOf(today.AddDays(-14)), ClosesAt = ProcessPhase.StartOf(today.AddDays(22)),
            Anonymous = true, Published = true, ResultsReleased = true, CreatedAt = market.CreatedAt, UpdatedAt = market.CreatedAt,
        };
        SurveyQuestion Ask(QuestionKind kind, string text, string options = "", bool required = false) =>
            new() { Kind = kind, Text = text, Options = options, Required = required, Position = survey.Questions.Count + 1 };
        var often = Ask(QuestionKind.SingleChoice, "Wie oft sind Sie auf dem Marktplatz?", "Täglich\nWöchentlich\nSeltener", required: true);
        survey.Questions.Add(often);
        var why = Ask(QuestionKind.MultipleChoice, "Wofür nutzen Sie ihn?", "Wochenmarkt\nGastronomie\nVeranstaltungen\nAnderes");
        survey.Questions.Add(why);
        var other = Ask(QuestionKind.FreeText, "Wofür sonst?");
        (other.ConditionQuestionId, other.ConditionOption) = (why.Id, 3);
        survey.Questions.Add(other);
        var stay = Ask(QuestionKind.Scale, "Wie gern halten Sie sich dort heute auf?");
        (stay.ScaleMinLabel, stay.ScaleMaxLabel) = ("gar nicht gern", "sehr gern");
        survey.Questions.Add(stay);
        var rank = Ask(QuestionKind.Ranking, "Was ist Ihnen am wichtigsten?", "Schatten\nSitzplätze\nSpielangebote\nWasser");
        survey.Questions.Add(rank);
        var matrix = Ask(QuestionKind.Matrix, "Wie wichtig ist Ihnen das zu diesen Zeiten?", "Morgens\nNachmittags\nAbends");
        (matrix.ScaleMinLabel, matrix.ScaleMaxLabel) = ("unwichtig", "sehr wichtig");
        survey.Questions.Add(matrix);
        db.Add(survey);

        int[][] given = [[0, 1, 4, 1, 2, 3, 4, 5, 4, 3], [1, 0, 3, 2, 1, 4, 3, 3, 5, 4], [2, 2, 2, 3, 4, 1, 2, 2, 3, 5]];
        foreach (var (person, a) in people.Zip(given))
        {
            db.Add(new SurveyParticipation { SurveyId = survey.Id, UserId = person });
            db.Add(new SurveyResponse
            {
                SurveyId = survey.Id, SubmittedOn = today.AddDays(-a[0] - 1),
                Answers =
                [
                    new() { QuestionId = often.Id, Item = a[1], Value = 1 },
                    new() { QuestionId = why.Id, Item = 0, Value = 1 },
                    new() { QuestionId = stay.Id, Item = 0, Value = a[3] },
                    .. Enumerable.Range(0, 4).Select(i => new SurveyAnswer { QuestionId = rank.Id, Item = i, Value = (a[4] + i - 1) % 4 + 1 }),
                    .. Enumerable.Range(0, 3).Select(i => new SurveyAnswer { QuestionId = matrix.Id, Item = i, Value = a[7 + i] }),
                ],
            });
        }
    }
}
