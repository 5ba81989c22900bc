using System.Globalization;

namespace Rathausplatz.Features.Reports;

/// <summary>Names of statuses (and their slugs in URLs) and the messages for each refusal of <see cref="SubmitReport"/>.</summary>
public static class ReportTexts
{
    public static string StatusName(ReportStatus status) => status switch
    {
        ReportStatus.Received => Texts.Key("Eingegangen"),
        ReportStatus.InProgress => Texts.Key("In Bearbeitung"),
        ReportStatus.Done => Texts.Key("Erledigt"),
        ReportStatus.Rejected => Texts.Key("Abgelehnt"),
        _ => Texts.Key("Weitergeleitet"),
    };

    public static string StatusSlug(ReportStatus status) => status switch
    {
        ReportStatus.Received => "eingegangen",
        ReportStatus.InProgress => "in-bearbeitung",
        ReportStatus.Done => "erledigt",
        ReportStatus.Rejected => "abgelehnt",
        _ => "weitergeleitet",
    };

    public static ReportStatus? StatusFromSlug(string? slug) => ReportStatuses.All.Cast<ReportStatus?>().FirstOrDefault(s => StatusSlug(s!.Value) == slug);

    /// <summary>The message for a refusal, in the current UI language; <paramref name="fieldLabel"/> names the field or photo.</summary>
    public static string Message(SubmitRefusal refusal, IStringLocalizer<SharedResource> text, string? fieldLabel = null, int maxPhotos = 0)
    {
        var photo = refusal.Field is { } f && int.TryParse(f, CultureInfo.InvariantCulture, out var index) ? (index + 1).ToString(CultureInfo.CurrentCulture) : "";
        return refusal.Problem switch
        {
            SubmitProblem.UnknownCategory => text["Bitte wählen Sie eine Kategorie."],
            SubmitProblem.InactiveCategory => text["Diese Kategorie nimmt keine Meldungen mehr an."],
            SubmitProblem.MissingField => text["Bitte beantworten Sie: {0}", fieldLabel ?? refusal.Field ?? ""],
            SubmitProblem.InvalidFieldValue => text["Diese Angabe passt nicht: {0}", fieldLabel ?? refusal.Field ?? ""],
            SubmitProblem.LocationMissing => text["Bitte wählen Sie den Ort auf der Karte oder geben Sie Koordinaten oder eine Adresse an."],
            SubmitProblem.CoordinatesOutOfRange => text["Die Koordinaten liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)."],
            SubmitProblem.AddressTooLong => text["Die Adresse ist zu lang."],
            SubmitProblem.AddressNotFound => text["Zu dieser Adresse haben wir keinen Ort gefunden."],
            SubmitProblem.OutsideArea => text["Dieser Ort liegt außerhalb des Gebiets, für das wir Meldungen annehmen."],
            SubmitProblem.DescriptionTooShort => text["Bitte beschreiben Sie das Problem in mindestens {0} Zeichen.", Report.MinDescription],
            SubmitProblem.DescriptionTooLong => text["Die Beschreibung darf höchstens {0} Zeichen lang sein.", Report.MaxDescription],
            SubmitProblem.EmailInvalid => text["Bitte geben Sie eine gültige E-Mail-Adresse an."],
            SubmitProblem.EmailRequired => text["Bitte geben Sie Ihre E-Mail-Adresse an: Anonyme Meldungen nehmen wir nicht an."],
            SubmitProblem.TooManyPhotos => text["Höchstens {0} Fotos pro Meldung.", maxPhotos],
            SubmitProblem.PhotoTooLarge => text["Das Foto {0} ist zu groß (höchstens 10 MB und 60 Megapixel).", photo],
            SubmitProblem.NotAnImage => text["Die Datei {0} ist kein Foto (JPEG, PNG oder WebP).", photo],
            _ => text["Das Foto {0} ist beschädigt und kann nicht gelesen werden.", photo],
        };
    }
}
