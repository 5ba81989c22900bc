namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>Names (localizer keys) of the question kinds and the messages of the back office's refusals.</summary>
public static class SurveyTexts
{
    public static string KindName(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => Texts.Key("Einfachauswahl"),
        QuestionKind.MultipleChoice => Texts.Key("Mehrfachauswahl"),
        QuestionKind.FreeText => Texts.Key("Freitext"),
        QuestionKind.Scale => Texts.Key("Skala"),
        QuestionKind.Ranking => Texts.Key("Rangfolge"),
        _ => Texts.Key("Matrix"),
    };

    public static string Message(SurveyProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        SurveyProblem.NotFound => text["Diese Umfrage gibt es nicht."],
        SurveyProblem.SurveysDisabled => text["Bitte schalten Sie im Verfahren zuerst den Baustein Umfragen ein."],
        SurveyProblem.EndsBeforeStart => text["Der letzte Tag liegt vor dem ersten."],
        SurveyProblem.OutsideProcess => text["Die Umfrage muss innerhalb der Phasen des Verfahrens liegen."],
        SurveyProblem.AnonymityFixed => text["Nach der ersten Antwort lässt sich nicht mehr ändern, ob die Umfrage anonym ist."],
        SurveyProblem.HasAnswers => text["Die Umfrage hat schon Antworten; ihre Fragen lassen sich nicht mehr ändern."],
        SurveyProblem.OptionsMissing => text["Bitte geben Sie mindestens zwei Antworten an (bei einer Matrix mindestens eine Zeile), höchstens {0}.", EditQuestions.MaxOptionCount],
        SurveyProblem.ScaleInvalid => text["Das obere Ende der Skala muss größer sein als das untere."],
        SurveyProblem.ConditionInvalid => text["Eine Bedingung muss auf eine Antwort einer früheren Auswahlfrage verweisen."],
        _ => text["Von dieser Frage hängen andere Fragen ab; ändern Sie zuerst deren Bedingung."],
    };
}
