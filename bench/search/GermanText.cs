namespace Rathausplatz.Bench.Search;

/// <summary>
/// Made-up but plausible municipal German: nouns with their plurals, compounds built from them,
/// adjectives, verbs and districts, drawn with a skew so some words are common (as "Straße" is in a
/// town's news) and most are rare. Seeded, so every run indexes and asks the same.
/// </summary>
internal sealed class GermanText(int seed)
{
    // (singular, plural): queries use either, so stemming is part of what is measured.
    private static readonly (string One, string Many)[] Nouns =
    [
        ("Straße", "Straßen"), ("Baum", "Bäume"), ("Gebühr", "Gebühren"), ("Schule", "Schulen"), ("Kita", "Kitas"),
        ("Bürger", "Bürger"), ("Rathaus", "Rathäuser"), ("Markt", "Märkte"), ("Brücke", "Brücken"), ("Park", "Parks"),
        ("Spielplatz", "Spielplätze"), ("Friedhof", "Friedhöfe"), ("Bibliothek", "Bibliotheken"), ("Feuerwehr", "Feuerwehren"),
        ("Sitzung", "Sitzungen"), ("Antrag", "Anträge"), ("Haushalt", "Haushalte"), ("Steuer", "Steuern"), ("Wahl", "Wahlen"),
        ("Baustelle", "Baustellen"), ("Umleitung", "Umleitungen"), ("Sperrung", "Sperrungen"), ("Bus", "Busse"), ("Bahnhof", "Bahnhöfe"),
        ("Radweg", "Radwege"), ("Parkplatz", "Parkplätze"), ("Müll", "Müll"), ("Tonne", "Tonnen"), ("Abfuhr", "Abfuhren"),
        ("Wasser", "Wasser"), ("Leitung", "Leitungen"), ("Kanal", "Kanäle"), ("Hochwasser", "Hochwasser"), ("Sturm", "Stürme"),
        ("Warnung", "Warnungen"), ("Fest", "Feste"), ("Konzert", "Konzerte"), ("Ausstellung", "Ausstellungen"), ("Museum", "Museen"),
        ("Schwimmbad", "Schwimmbäder"), ("Sporthalle", "Sporthallen"), ("Verein", "Vereine"), ("Ehrenamt", "Ehrenämter"),
        ("Senior", "Senioren"), ("Familie", "Familien"), ("Kind", "Kinder"), ("Jugend", "Jugend"), ("Wohnung", "Wohnungen"),
        ("Bauantrag", "Bauanträge"), ("Bebauungsplan", "Bebauungspläne"), ("Grundstück", "Grundstücke"), ("Garten", "Gärten"),
        ("Wald", "Wälder"), ("Hund", "Hunde"), ("Ausweis", "Ausweise"), ("Pass", "Pässe"), ("Termin", "Termine"), ("Amt", "Ämter"),
        ("Öffnungszeit", "Öffnungszeiten"), ("Sprechstunde", "Sprechstunden"), ("Beratung", "Beratungen"), ("Förderung", "Förderungen"),
        ("Zuschuss", "Zuschüsse"), ("Stelle", "Stellen"), ("Ausbildung", "Ausbildungen"), ("Praktikum", "Praktika"), ("Energie", "Energien"),
        ("Solaranlage", "Solaranlagen"), ("Heizung", "Heizungen"), ("Klimaschutz", "Klimaschutz"), ("Laterne", "Laternen"),
        ("Winterdienst", "Winterdienste"), ("Streusalz", "Streusalz"), ("Denkmal", "Denkmäler"), ("Kirche", "Kirchen"), ("Platz", "Plätze"),
        ("Gemeinderat", "Gemeinderäte"), ("Ausschuss", "Ausschüsse"), ("Bürgermeisterin", "Bürgermeisterinnen"), ("Haltestelle", "Haltestellen"),
        ("Fahrplan", "Fahrpläne"), ("Grünschnitt", "Grünschnitte"), ("Wertstoffhof", "Wertstoffhöfe"), ("Sperrmüll", "Sperrmüll"),
        ("Impfung", "Impfungen"), ("Gesundheit", "Gesundheit"), ("Pflege", "Pflege"), ("Quartier", "Quartiere"), ("Nachbarschaft", "Nachbarschaften"),
    ];

    private static readonly string[] CompoundTails =
        ["schnitt", "pflege", "plan", "amt", "fest", "sanierung", "verwaltung", "gebühr", "ordnung", "kasse", "stelle", "zentrum", "bau", "netz", "dienst"];

    private static readonly string[] Adjectives =
        ["neue", "geänderte", "kostenlose", "öffentliche", "städtische", "große", "kleine", "barrierefreie", "digitale", "vorübergehende",
         "sichere", "grüne", "historische", "jährliche", "wichtige", "geplante", "moderne", "soziale", "gemeinsame", "nächste"];

    private static readonly string[] Verbs =
        ["beginnt", "endet", "verschiebt sich", "öffnet", "schließt", "informiert", "lädt ein", "beschließt", "sucht", "bittet um Beachtung",
         "wird saniert", "wird erneuert", "bleibt geschlossen", "ändert sich", "startet", "wird gefördert", "entfällt", "kommt später"];

    private static readonly string[] Districts =
        ["Altstadt", "Nordviertel", "Südstadt", "Oberdorf", "Unterau", "Am Hang", "Weidenfeld", "Mühlbach", "Lindenhof", "Bergheim",
         "Eichenried", "Kirchberg", "Rosental", "Seewiesen", "Hafenviertel", "Sonnenhügel"];

    private readonly Random random = new(seed);

    // Skewed: the first words of a list come up several times as often as the last (titles, queries).
    private T Skewed<T>(IReadOnlyList<T> items) => items[(int)(items.Count * Math.Pow(random.NextDouble(), 1.5))];

    private T Any<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Noun() => random.Next(4) == 0 ? Skewed(Nouns).Many : Skewed(Nouns).One;

    // Running text draws evenly: with a vocabulary this small, skew there would put the first nouns
    // into nearly every post, which no town's news does.
    private string AnyNoun() => random.Next(4) == 0 ? Any(Nouns).Many : Any(Nouns).One;

    private string Compound() => Skewed(Nouns).One + Any(CompoundTails);

    private string AnyCompound() => Any(Nouns).One + Any(CompoundTails);

    public string Title() => random.Next(3) switch
    {
        0 => $"{Capital(Any(Adjectives))} {Noun()} in {Any(Districts)}",
        1 => $"{Compound()} {Any(Verbs)}",
        _ => $"{Noun()}: {Any(Adjectives)} {Compound()} {Any(Verbs)}",
    };

    public string Summary() => Sentence() + " " + Sentence();

    public string Body()
    {
        var sentences = Enumerable.Range(0, 4 + random.Next(5)).Select(_ => Sentence());
        return string.Join(" ", sentences) + "\n\n" + string.Join(" ", Enumerable.Range(0, 3 + random.Next(4)).Select(_ => Sentence()));
    }

    private string Sentence() => random.Next(4) switch
    {
        0 => $"Die {Any(Adjectives)} {AnyCompound()} in {Any(Districts)} {Any(Verbs)} am {1 + random.Next(28)}. {Month()}.",
        1 => $"Das {AnyNoun()} für {AnyCompound()} {Any(Verbs)}, teilt das {AnyCompound()} mit.",
        2 => $"Bitte beachten Sie: {AnyCompound()} {Any(Verbs)} wegen {AnyNoun()}.",
        _ => $"Weitere Informationen zu {AnyCompound()} und {Any(Adjectives)} {AnyNoun()} gibt es im {AnyCompound()}.",
    };

    private string Month() => Any(["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]);

    /// <summary>What citizens type: a word in either number, a part of a compound, two words, or "ae" for "ä".</summary>
    public string Query()
    {
        var noun = Noun();
        return random.Next(10) switch
        {
            < 5 => noun,
            5 => noun[..Math.Min(5, noun.Length)],
            6 or 7 => $"{noun} {Any(Districts).Split(' ')[^1]}",
            8 => Compound(),
            _ => noun.Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss"),
        };
    }

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
