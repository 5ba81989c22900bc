using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Features.Intranet;

/// <summary>Names (localizer keys) of the intranet enums and the messages of their refusals.</summary>
public static class IntranetTexts
{
    public static string KindName(SpaceKind kind) => kind switch
    {
        SpaceKind.CommunityOfPractice => Texts.Key("Community of Practice"),
        SpaceKind.CompetenceCentre => Texts.Key("Kompetenzzentrum"),
        _ => Texts.Key("Projekt"),
    };

    public static string PolicyName(JoinPolicy policy) => policy switch
    {
        JoinPolicy.Open => Texts.Key("Offen für alle Beschäftigten"),
        JoinPolicy.OnRequest => Texts.Key("Beitritt auf Anfrage"),
        _ => Texts.Key("Nur auf Einladung"),
    };

    public static string RoleName(SpaceRole role) => role switch
    {
        SpaceRole.Owner => Texts.Key("Verantwortlich"),
        SpaceRole.Member => Texts.Key("Mitglied"),
        _ => Texts.Key("Gast"),
    };

    public static string Message(SpaceProblem problem, IStringLocalizer text) => problem switch
    {
        SpaceProblem.TitleMissing => text["Bitte geben Sie einen Titel an."],
        SpaceProblem.TitleTooLong => text["Der Titel darf höchstens {0} Zeichen lang sein.", Space.MaxTitle],
        SpaceProblem.DescriptionTooLong => text["Die Beschreibung darf höchstens {0} Zeichen lang sein.", Space.MaxDescription],
        SpaceProblem.UnknownKind => text["Bitte wählen Sie eine der angebotenen Arten."],
        _ => text["Bitte wählen Sie eine der angebotenen Beitrittsregeln."],
    };

    public static string Message(StreamProblem problem, int max, IStringLocalizer text) => problem switch
    {
        StreamProblem.BodyMissing => text["Bitte schreiben Sie einen Text."],
        StreamProblem.BodyTooLong => text["Der Text darf höchstens {0} Zeichen lang sein.", max],
        StreamProblem.TooManyFiles => text["Ein Beitrag kann höchstens {0} Dateien mitnehmen.", StreamAttachment.MaxPerPost],
        _ => text["Das ist hier nicht möglich."],
    };

    public static string Message(MembershipOutcome outcome, IStringLocalizer text) => outcome switch
    {
        MembershipOutcome.AlreadyMember => text["Die Person gehört schon zu diesem Raum."],
        MembershipOutcome.AlreadyRequested => text["Ihre Anfrage liegt den Verantwortlichen schon vor."],
        MembershipOutcome.LastOwner => text["Ein Raum braucht mindestens eine verantwortliche Person. Bestimmen Sie zuerst eine weitere."],
        MembershipOutcome.GuestsOnlyAsGuests => text["Externe Gäste können in Räumen nur Gast sein."],
        MembershipOutcome.NotFound => text["Diese Person oder Anfrage gibt es hier nicht."],
        _ => text["Das ist hier nicht möglich."],
    };
}
