namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>Names (localizer keys) of the task states and the messages of refused changes.</summary>
public static class TaskTexts
{
    public static readonly TaskState[] States = [TaskState.Open, TaskState.InProgress, TaskState.Done];

    public static string StateName(TaskState state) => state switch
    {
        TaskState.Open => Texts.Key("offen"),
        TaskState.InProgress => Texts.Key("in Arbeit"),
        _ => Texts.Key("Erledigt"),
    };

    /// <summary>The state as a label ("Offen", "In Arbeit", "Erledigt"): the keys are shared with other pages in their own case.</summary>
    public static string Label(TaskState state, IStringLocalizer text)
    {
        string name = text[StateName(state)];
        return name.Length == 0 ? name : char.ToUpper(name[0], System.Globalization.CultureInfo.CurrentCulture) + name[1..];
    }

    /// <summary>The form field a problem belongs to ("" for the whole form).</summary>
    public static string Field(TaskProblem problem) => problem switch
    {
        TaskProblem.TitleMissing or TaskProblem.TitleTooLong => "Input.Title",
        TaskProblem.DescriptionTooLong => "Input.Description",
        TaskProblem.AssigneeNotMember => "Input.AssigneeId",
        _ => "",
    };

    public static string Message(TaskProblem problem, IStringLocalizer text) => problem switch
    {
        TaskProblem.TitleMissing => text["Bitte geben Sie einen Titel an."],
        TaskProblem.TitleTooLong => text["Der Titel darf höchstens {0} Zeichen lang sein.", SpaceTask.MaxTitle],
        TaskProblem.DescriptionTooLong => text["Die Beschreibung darf höchstens {0} Zeichen lang sein.", SpaceTask.MaxDescription],
        TaskProblem.AssigneeNotMember => text["Zuständig sein kann nur ein Mitglied dieses Raums."],
        TaskProblem.Changed => text["Jemand hat die Aufgabe inzwischen geändert. Hier sehen Sie den neuen Stand; bitte tragen Sie Ihre Änderung noch einmal ein."],
        TaskProblem.NotFound => text["Diese Aufgabe gibt es hier nicht."],
        _ => text["Das ist hier nicht möglich."],
    };
}
