namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>The wiki's name and the messages of its refusals.</summary>
public static class WikiTexts
{
    public static string Name(WikiAccess.Wiki wiki, IStringLocalizer text) =>
        wiki.Name is null ? text["Wissensdatenbank"] : text["Wiki: {0}", wiki.Name];

    public static string Message(WikiProblem problem, IStringLocalizer text) => problem switch
    {
        WikiProblem.TitleMissing => text["Bitte geben Sie einen Titel an."],
        WikiProblem.TitleTooLong => text["Der Titel darf höchstens {0} Zeichen lang sein.", WikiPage.MaxTitle],
        WikiProblem.BodyTooLong => text["Der Text darf höchstens {0} Zeichen lang sein.", WikiPage.MaxBody],
        WikiProblem.TitleTaken => text["Eine Seite mit diesem Titel gibt es in diesem Wiki schon."],
        WikiProblem.ParentInvalid => text["Bitte wählen Sie eine der angebotenen übergeordneten Seiten."],
        WikiProblem.Conflict => text["Jemand hat die Seite gespeichert, während Sie sie bearbeitet haben."],
        _ => text["Das ist hier nicht möglich."],
    };
}
