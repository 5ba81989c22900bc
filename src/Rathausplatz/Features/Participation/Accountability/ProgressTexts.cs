namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>Names (localizer keys) and slugs of the progress statuses, and the messages of refused updates.</summary>
public static class ProgressTexts
{
    public static string ProgressName(ProjectProgress progress) => progress switch
    {
        ProjectProgress.Planned => Texts.Key("Geplant"),
        ProjectProgress.InProgress => Texts.Key("In Umsetzung"),
        ProjectProgress.Completed => Texts.Key("Fertig"),
        _ => Texts.Key("Gestoppt"),
    };

    public static string ProgressSlug(ProjectProgress progress) => progress switch
    {
        ProjectProgress.Planned => "geplant",
        ProjectProgress.InProgress => "in-umsetzung",
        ProjectProgress.Completed => "fertig",
        _ => "gestoppt",
    };

    public static ProjectProgress? ProgressFromSlug(string? slug) =>
        Enum.GetValues<ProjectProgress>().Cast<ProjectProgress?>().FirstOrDefault(p => ProgressSlug(p!.Value) == slug);

    public static string Message(ProgressProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        ProgressProblem.NotFound => text["Dieses Projekt gibt es nicht."],
        ProgressProblem.NotAccepted => text["Fortschritt gibt es nur für angenommene oder umgesetzte Vorschläge."],
        ProgressProblem.PercentOutOfRange => text["Bitte eine Zahl von 0 bis 100."],
        ProgressProblem.BodyMissing => text["Bitte schreiben Sie, was sich getan hat."],
        _ => text["Der Text darf höchstens {0} Zeichen lang sein.", ProgressUpdate.MaxBody],
    };
}
