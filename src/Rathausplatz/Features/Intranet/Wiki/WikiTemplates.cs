namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// The templates offered when a page is created: these built-in ones, and the pages of the same wiki marked as
/// template. The built-in texts are content (German, like the pages written from them), their names UI texts.
/// </summary>
public static class WikiTemplates
{
    public sealed record Template(string Key, string Name, string Body);

    public static readonly IReadOnlyList<Template> BuiltIn =
    [
        new("prozessbeschreibung", Texts.Key("Prozessbeschreibung"),
            "## Zweck\n\nWofür gibt es diesen Ablauf, und für wen?\n\n## Zuständigkeit\n\nWelches Amt, welche Rolle?\n\n"
            + "## Ablauf\n\n1. Erster Schritt\n2. Zweiter Schritt\n\n## Fristen\n\n- \n\n## Ansprechpersonen\n\n- \n"),
        new("besprechungsprotokoll", Texts.Key("Besprechungsprotokoll"),
            "**Datum:** \n**Ort:** \n**Teilnehmende:** \n**Protokoll:** \n\n## Tagesordnung\n\n1. \n\n"
            + "## Ergebnisse und Beschlüsse\n\n- \n\n## Aufgaben\n\n| Was | Wer | Bis wann |\n| --- | --- | --- |\n|  |  |  |\n\n## Nächster Termin\n\n"),
    ];
}
