using Rathausplatz.Bench.Search;

/// <summary>
/// The intranet's texts: posts, wiki pages and topics from the search benchmark's municipal German
/// (<see cref="GermanText"/>, seeded), names, job titles and skills from short lists of their own.
/// </summary>
internal static class GermanWords
{
    private static readonly GermanText Text = new(7);

    private static readonly string[] FirstNames = ["Anna", "Jonas", "Leonie", "Mehmet", "Sophie", "Lukas", "Fatma", "Paul", "Marie", "Felix", "Özlem", "Jörg", "Katrin", "Ahmet", "Jürgen", "Lena"];
    private static readonly string[] LastNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Yılmaz", "Koch", "Richter", "Klein", "Wolf", "Schröder"];
    private static readonly string[] Jobs = ["Sachbearbeitung Bauordnung", "Kämmerei", "Bürgerbüro", "Stadtplanung", "IT-Koordination", "Personalamt", "Ordnungsamt", "Grünflächenamt", "Standesamt", "Jugendamt", "Pressestelle", "Klimaschutzmanagement"];
    private static readonly string[] SkillNames = ["vergaberecht", "excel", "gis", "haushaltsrecht", "projektmanagement", "moderation", "datenschutz", "bauleitplanung", "social media", "sql", "öffentlichkeitsarbeit", "förderanträge", "barrierefreiheit", "personalrecht", "e-akte", "leichte sprache"];

    public static string Name(Random random) => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    public static string JobTitle(Random random) => Jobs[random.Next(Jobs.Length)];

    public static IEnumerable<string> Skills(Random random) => SkillNames.OrderBy(_ => random.Next()).Take(1 + random.Next(3));

    public static string Topic(Random random) => Text.Title();

    public static string Sentence(Random random, int words) => Text.Summary();

    public static string Post(Random random) => random.Next(3) == 0 ? Text.Body() : Text.Summary();

    public static string WikiBody(Random random) => "## " + Text.Title() + "\n\n" + Text.Body() + "\n\n- " + Text.Summary() + "\n- " + Text.Summary();

    public static string Query(Random random) => Text.Query();
}
