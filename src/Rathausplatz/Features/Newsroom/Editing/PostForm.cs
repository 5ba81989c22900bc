using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Rathausplatz.Features.Newsroom.Events;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>
/// What an editor fills in, for every type; the page shows only the fields of the post's type.
/// Times are the town's local time (as typed); <see cref="SavePost"/> stores them as UTC.
/// Coordinates are text so "51,3" and "51.3" both work whatever the page's language.
/// </summary>
public sealed class PostForm
{
    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Titel")]
    public string Title { get; set; } = "";

    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Zusammenfassung")]
    public string? Summary { get; set; }

    [StringLength(100_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Text (Markdown)")]
    public string? Body { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Titel (Englisch)")]
    public string? TitleEnglish { get; set; }

    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Zusammenfassung (Englisch)")]
    public string? SummaryEnglish { get; set; }

    [StringLength(100_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Text (Englisch, Markdown)")]
    public string? BodyEnglish { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Titel (Leichte Sprache)")]
    public string? TitleEasy { get; set; }

    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Zusammenfassung (Leichte Sprache)")]
    public string? SummaryEasy { get; set; }

    [StringLength(100_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Text (Leichte Sprache, Markdown)")]
    public string? BodyEasy { get; set; }

    [StringLength(100, ErrorMessage = "Höchstens {1} Zeichen.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Nur Kleinbuchstaben, Ziffern und Bindestriche.")]
    [Display(Name = "Adresse (Slug)")]
    public string? Slug { get; set; }

    public List<Guid> TopicIds { get; set; } = [];
    public List<Guid> DistrictIds { get; set; } = [];

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Ansprechperson")]
    public string? ContactName { get; set; }

    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [Display(Name = "E-Mail-Adresse für Rückfragen")]
    public string? ContactEmail { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Zuständige Stelle")]
    public string? ContactDepartment { get; set; }

    [Display(Name = "Veröffentlichen am")]
    public DateTime? PublishAt { get; set; }

    [Display(Name = "Zurückziehen am")]
    public DateTime? UnpublishAt { get; set; }

    [Display(Name = "Gültig ab")]
    public DateTime? ValidFrom { get; set; }

    [Display(Name = "Gültig bis")]
    public DateTime? ValidUntil { get; set; }

    [Display(Name = "Beginn")]
    public DateTime? EventStart { get; set; }

    [Display(Name = "Ende")]
    public DateTime? EventEnd { get; set; }

    public bool EventAllDay { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Ort")]
    public string? PlaceName { get; set; }

    [StringLength(20, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Breitengrad")]
    public string? Latitude { get; set; }

    [StringLength(20, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Längengrad")]
    public string? Longitude { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Hinweise zur Barrierefreiheit")]
    public string? AccessibilityNotes { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Link zur Anmeldung")]
    public string? RegistrationUrl { get; set; }

    [Display(Name = "Wiederholung")]
    public RepeatFrequency RepeatFrequency { get; set; }

    [Range(1, 99, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Abstand")]
    public int? RepeatInterval { get; set; }

    public List<DayOfWeek> RepeatWeekdays { get; set; } = [];

    /// <summary>Monthly: on the same weekday of the month as the start ("second Tuesday") instead of the same day.</summary>
    public bool RepeatMonthlyByWeekday { get; set; }

    [Display(Name = "Wiederholen bis einschließlich")]
    public DateTime? RepeatUntil { get; set; }

    [Range(1, 500, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Anzahl der Termine")]
    public int? RepeatCount { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Ausfallende Termine")]
    public string? RepeatExceptions { get; set; }

    public AlertSeverity Severity { get; set; } = AlertSeverity.Warning;

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Fachbereich")]
    public string? JobDepartment { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Art der Anstellung")]
    public string? EmploymentType { get; set; }

    [StringLength(50, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Entgeltgruppe")]
    public string? PayGrade { get; set; }

    [Display(Name = "Bewerbungsfrist")]
    public DateTime? ApplicationDeadline { get; set; }

    [StringLength(4000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "So bewerben Sie sich")]
    public string? HowToApply { get; set; }

    public double? ParsedLatitude => Coordinate(Latitude);
    public double? ParsedLongitude => Coordinate(Longitude);

    /// <summary>The checks that depend on the type, as (field, German message key) pairs.</summary>
    public IEnumerable<(string Field, string Message)> ProblemsFor(PostType type)
    {
        if (UnpublishAt is { } until && PublishAt is { } from && until <= from)
            yield return (nameof(UnpublishAt), Texts.Key("Das Zurückziehen muss nach dem Veröffentlichen liegen."));
        if (type is PostType.ServiceInformation or PostType.Alert && ValidUntil is { } end && ValidFrom is { } start && end <= start)
            yield return (nameof(ValidUntil), Texts.Key("„Gültig bis“ muss nach „Gültig ab“ liegen."));
        if (type == PostType.Event)
        {
            if (EventStart is null)
                yield return (nameof(EventStart), Texts.Key("Bitte geben Sie den Beginn an."));
            if (EventEnd is { } eventEnd && EventStart is { } eventStart && eventEnd < eventStart)
                yield return (nameof(EventEnd), Texts.Key("Das Ende darf nicht vor dem Beginn liegen."));
            if (!string.IsNullOrWhiteSpace(Latitude) && ParsedLatitude is not (>= -90 and <= 90))
                yield return (nameof(Latitude), Texts.Key("Der Breitengrad muss eine Zahl zwischen -90 und 90 sein."));
            if (!string.IsNullOrWhiteSpace(Longitude) && ParsedLongitude is not (>= -180 and <= 180))
                yield return (nameof(Longitude), Texts.Key("Der Längengrad muss eine Zahl zwischen -180 und 180 sein."));
            if (string.IsNullOrWhiteSpace(Latitude) != string.IsNullOrWhiteSpace(Longitude))
                yield return (nameof(Longitude), Texts.Key("Bitte geben Sie Breiten- und Längengrad zusammen an."));
            if (RepeatFrequency != RepeatFrequency.None && RepeatUntil is not null && RepeatCount is not null)
                yield return (nameof(RepeatCount), Texts.Key("Bitte geben Sie entweder ein Enddatum oder eine Anzahl an, nicht beides."));
            if (RepeatFrequency != RepeatFrequency.None && RepeatUntil is { } repeatUntil && EventStart is { } first && repeatUntil.Date < first.Date)
                yield return (nameof(RepeatUntil), Texts.Key("Das Ende der Wiederholung darf nicht vor dem Beginn liegen."));
            if (RepeatFrequency != RepeatFrequency.None && EventRecurrence.ParseTyped(RepeatExceptions).Invalid is not null)
                yield return (nameof(RepeatExceptions), Texts.Key("Bitte geben Sie Daten wie 24.12.2026 an, durch Kommas getrennt."));
            if (!string.IsNullOrWhiteSpace(RegistrationUrl) && !IsWebAddress(RegistrationUrl))
                yield return (nameof(RegistrationUrl), Texts.Key("Bitte geben Sie eine Adresse an, die mit http:// oder https:// beginnt."));
        }
        if (type == PostType.Alert && ValidUntil is null)
            yield return (nameof(ValidUntil), Texts.Key("Eine Warnung braucht ein Ende, damit das Banner wieder verschwindet."));
        if (type == PostType.JobPosting && ApplicationDeadline is null)
            yield return (nameof(ApplicationDeadline), Texts.Key("Bitte geben Sie die Bewerbungsfrist an."));
    }

    private static double? Coordinate(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    internal static bool IsWebAddress(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
