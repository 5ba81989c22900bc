namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>Messages of refused uploads.</summary>
public static class DocumentTexts
{
    /// <summary>The hint under every file field: what is accepted.</summary>
    public static readonly string Hint = Texts.Key("PDF, Bilder (JPEG, PNG, WebP) und Office-Dateien (Word, Excel, PowerPoint, OpenDocument), höchstens {0} MB.");

    public static string Message(DocumentProblem problem, int maxMegabytes, IStringLocalizer text) => problem switch
    {
        DocumentProblem.TitleMissing => text["Bitte geben Sie dem Dokument einen Titel."],
        DocumentProblem.TitleTooLong => text["Der Titel darf höchstens {0} Zeichen lang sein.", SpaceDocument.MaxTitle],
        DocumentProblem.FileMissing => text["Bitte wählen Sie eine Datei aus."],
        DocumentProblem.TooLarge => text["Die Datei ist größer als {0} MB. Bitte verkleinern Sie sie oder teilen Sie sie auf.", maxMegabytes],
        DocumentProblem.UnknownType => text["Diese Art von Datei nehmen wir nicht an. Möglich sind PDF, JPEG-, PNG- und WebP-Bilder und Office-Dateien; maßgeblich ist der Inhalt der Datei, nicht ihr Name."],
        DocumentProblem.DamagedImage => text["Die Bilddatei ist beschädigt, unvollständig oder zu groß (mehr als 60 Megapixel) und lässt sich nicht lesen."],
        DocumentProblem.Busy => text["Gerade kam eine andere Fassung hinzu. Bitte laden Sie Ihre Datei noch einmal hoch."],
        DocumentProblem.NotFound => text["Dieses Dokument gibt es hier nicht."],
        _ => text["Das ist hier nicht möglich."],
    };

    /// <summary>The form field a problem belongs to.</summary>
    public static string Field(DocumentProblem problem) => problem is DocumentProblem.TitleMissing or DocumentProblem.TitleTooLong ? "Title" : "File";
}
