namespace Rathausplatz.Features.Newsroom;

/// <summary>How types, states and severities are called on screen (localizer keys), and their addresses.</summary>
public static class PostTypeNames
{
    private static readonly Dictionary<PostType, string> Types = new()
    {
        [PostType.News] = Texts.Key("Nachricht"),
        [PostType.ServiceInformation] = Texts.Key("Service-Information"),
        [PostType.Event] = Texts.Key("Veranstaltung"),
        [PostType.Alert] = Texts.Key("Warnung"),
        [PostType.JobPosting] = Texts.Key("Stellenangebot"),
        [PostType.Page] = Texts.Key("Seite"),
    };

    private static readonly Dictionary<PostStatus, string> States = new()
    {
        [PostStatus.Draft] = Texts.Key("Entwurf"),
        [PostStatus.InReview] = Texts.Key("In Prüfung"),
        [PostStatus.Scheduled] = Texts.Key("Geplant"),
        [PostStatus.Published] = Texts.Key("Veröffentlicht"),
        [PostStatus.Unpublished] = Texts.Key("Zurückgezogen"),
    };

    private static readonly Dictionary<AlertSeverity, string> Severities = new()
    {
        [AlertSeverity.Info] = Texts.Key("Hinweis"),
        [AlertSeverity.Warning] = Texts.Key("Warnung"),
        [AlertSeverity.Danger] = Texts.Key("Gefahr"),
    };

    private static readonly Dictionary<PostAction, string> Actions = new()
    {
        [PostAction.Created] = Texts.Key("Angelegt"),
        [PostAction.Edited] = Texts.Key("Bearbeitet"),
        [PostAction.Submitted] = Texts.Key("Zur Prüfung gegeben"),
        [PostAction.Approved] = Texts.Key("Freigegeben"),
        [PostAction.SentBack] = Texts.Key("Zurückgegeben"),
        [PostAction.Scheduled] = Texts.Key("Eingeplant"),
        [PostAction.Published] = Texts.Key("Veröffentlicht"),
        [PostAction.Unpublished] = Texts.Key("Zurückgezogen"),
        [PostAction.Restored] = Texts.Key("Version wiederhergestellt"),
    };

    public static string Of(PostType type) => Types[type];
    public static string Of(PostStatus status) => States[status];
    public static string Of(AlertSeverity severity) => Severities[severity];
    public static string Of(PostAction action) => Actions[action];

    /// <summary>The stable name of a type in addresses and filters (?typ=veranstaltung).</summary>
    public static string Slug(PostType type) => type switch
    {
        PostType.News => "nachricht",
        PostType.ServiceInformation => "service",
        PostType.Event => "veranstaltung",
        PostType.Alert => "warnung",
        PostType.JobPosting => "stelle",
        _ => "seite",
    };

    public static PostType? FromSlug(string? slug) => Enum.GetValues<PostType>().Cast<PostType?>().FirstOrDefault(t => Slug(t!.Value) == slug);

    /// <summary>The KERN alert variant for a severity.</summary>
    public static string AlertClass(AlertSeverity? severity) => severity switch
    {
        AlertSeverity.Danger => "danger",
        AlertSeverity.Warning => "warning",
        _ => "info",
    };
}
