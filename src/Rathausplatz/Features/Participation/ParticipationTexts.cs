using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Features.Participation.Verification;

namespace Rathausplatz.Features.Participation;

/// <summary>Names (localizer keys) and URL slugs of the participation enums, and the messages of their refusals.</summary>
public static class ParticipationTexts
{
    public static string PhaseName(PhaseKind kind) => kind switch
    {
        PhaseKind.Information => Texts.Key("Information"),
        PhaseKind.Proposals => Texts.Key("Vorschläge"),
        PhaseKind.Evaluation => Texts.Key("Prüfung"),
        PhaseKind.Voting => Texts.Key("Abstimmung"),
        _ => Texts.Key("Ergebnisse"),
    };

    public static string StateName(ProcessState state) => state switch
    {
        ProcessState.Current => Texts.Key("Laufende Verfahren"),
        ProcessState.Upcoming => Texts.Key("Geplante Verfahren"),
        _ => Texts.Key("Abgeschlossene Verfahren"),
    };

    public static string StatusName(ProposalStatus status) => status switch
    {
        ProposalStatus.Open => Texts.Key("Sammelt Unterstützung"),
        ProposalStatus.Evaluating => Texts.Key("In Prüfung"),
        ProposalStatus.Accepted => Texts.Key("Angenommen"),
        ProposalStatus.Rejected => Texts.Key("Abgelehnt"),
        _ => Texts.Key("Umgesetzt"),
    };

    public static string StatusSlug(ProposalStatus status) => status switch
    {
        ProposalStatus.Open => "offen",
        ProposalStatus.Evaluating => "in-pruefung",
        ProposalStatus.Accepted => "angenommen",
        ProposalStatus.Rejected => "abgelehnt",
        _ => "umgesetzt",
    };

    public static ProposalStatus? StatusFromSlug(string? slug) =>
        Enum.GetValues<ProposalStatus>().Cast<ProposalStatus?>().FirstOrDefault(s => StatusSlug(s!.Value) == slug);

    public static string StanceName(Stance stance) => stance switch
    {
        Stance.For => Texts.Key("Dafür"),
        Stance.Against => Texts.Key("Dagegen"),
        _ => Texts.Key("Neutral"),
    };

    public static string StanceSlug(Stance stance) => stance switch
    {
        Stance.For => "dafuer",
        Stance.Against => "dagegen",
        _ => "neutral",
    };

    public static Stance? StanceFromSlug(string? slug) =>
        Enum.GetValues<Stance>().Cast<Stance?>().FirstOrDefault(s => StanceSlug(s!.Value) == slug);

    public static string Message(ProposalProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        ProposalProblem.ProcessNotFound => text["Dieses Verfahren gibt es nicht."],
        ProposalProblem.ProposalsClosed => text["In diesem Verfahren können gerade keine Vorschläge gemacht werden."],
        ProposalProblem.EmailNotConfirmed => text["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."],
        ProposalProblem.NetiquetteRequired => text["Bitte akzeptieren Sie die Netiquette, bevor Sie sich zum ersten Mal beteiligen."],
        ProposalProblem.TitleTooShort => text["Bitte geben Sie einen Titel mit mindestens {0} Zeichen an.", Proposal.MinTitle],
        ProposalProblem.TitleTooLong => text["Der Titel darf höchstens {0} Zeichen lang sein.", Proposal.MaxTitle],
        ProposalProblem.BodyMissing => text["Bitte beschreiben Sie Ihren Vorschlag."],
        ProposalProblem.BodyTooLong => text["Die Beschreibung darf höchstens {0} Zeichen lang sein.", Proposal.MaxBody],
        ProposalProblem.UnknownDistrict => text["Bitte wählen Sie einen Stadtteil aus der Liste."],
        ProposalProblem.CoordinatesIncomplete => text["Bitte geben Sie Breite und Länge an, oder keins von beiden."],
        _ => text["Die Koordinaten liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)."],
    };

    public static string Message(CommentProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        CommentProblem.NotFound => text["Diesen Beitrag gibt es nicht mehr."],
        CommentProblem.Closed => text["Das Verfahren ist abgeschlossen; Kommentare sind nicht mehr möglich."],
        CommentProblem.EmailNotConfirmed => text["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."],
        CommentProblem.NetiquetteRequired => text["Bitte akzeptieren Sie die Netiquette, bevor Sie sich zum ersten Mal beteiligen."],
        CommentProblem.BodyMissing => text["Bitte schreiben Sie einen Kommentar."],
        CommentProblem.BodyTooLong => text["Der Kommentar darf höchstens {0} Zeichen lang sein.", ProposalComment.MaxBody],
        CommentProblem.UnknownParent => text["Diesen Beitrag gibt es nicht mehr."],
        _ => text["Bitte wählen Sie Ihre Haltung: dafür, dagegen oder neutral."],
    };

    public static string Message(ProcessProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        ProcessProblem.NotFound => text["Dieses Verfahren gibt es nicht."],
        ProcessProblem.SlugTaken => text["Diese Adresse hat schon ein anderes Verfahren."],
        ProcessProblem.SlugReserved => text["Diese Adresse ist für eine Seite der Beteiligung reserviert."],
        ProcessProblem.PhaseIncomplete => text["Bitte geben Sie den ersten und den letzten Tag der Phase an, oder keinen."],
        ProcessProblem.PhaseEndsBeforeStart => text["Der letzte Tag liegt vor dem ersten."],
        ProcessProblem.ProposalPhaseMissing => text["Für Vorschläge braucht das Verfahren eine Vorschlagsphase mit Daten."],
        ProcessProblem.UnknownDistrict => text["Bitte wählen Sie Stadtteile aus der Liste."],
        ProcessProblem.VotingPhaseMissing => text["Für einen Bürgerhaushalt braucht das Verfahren eine Abstimmungsphase mit Daten."],
        ProcessProblem.BudgetUnreadable => text["Bitte geben Sie das Budget in Euro an, zum Beispiel 250.000."],
        ProcessProblem.ResidentsNeedAccounts => text["Den Wohnsitz bestätigt nur, wer ein Konto hat: Ein Verfahren nur für Einwohnerinnen und Einwohner kann nicht ohne Konto offen sein."],
        _ => text["Bitte wählen Sie Themen aus der Liste."],
    };

    public static string Message(EvaluationProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        EvaluationProblem.NotFound => text["Diesen Beitrag gibt es nicht mehr."],
        EvaluationProblem.ReasonRequired => text["Bitte begründen Sie die Ablehnung."],
        EvaluationProblem.ReasonTooLong => text["Die Begründung darf höchstens {0} Zeichen lang sein.", Proposal.MaxReason],
        EvaluationProblem.Unchanged => text["Der Vorschlag hat diesen Status schon."],
        EvaluationProblem.AnswerRequired => text["Bitte schreiben Sie eine Antwort."],
        _ => text["Die Antwort darf höchstens {0} Zeichen lang sein.", Proposal.MaxAnswer],
    };

    public static string Message(ModerationProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        ModerationProblem.NotFound => text["Diesen Beitrag gibt es nicht mehr."],
        ModerationProblem.ReasonRequired => text["Bitte geben Sie einen Grund an."],
        ModerationProblem.ReasonTooLong => text["Der Grund darf höchstens {0} Zeichen lang sein.", ContentFlag.MaxReason],
        _ => text["Der Beitrag ist schon ausgeblendet."],
    };

    public static string Message(ResidencyProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        ResidencyProblem.CodeInvalid => text["Diesen Code kennen wir nicht. Bitte prüfen Sie ihn: zwölf Zeichen, zum Beispiel ABCD-EFGH-JKMN."],
        ResidencyProblem.CodeUsed => text["Dieser Code wurde schon für ein anderes Konto eingelöst. Jeder Code gilt einmal; wenden Sie sich bei Fragen an das Bürgerbüro."],
        ResidencyProblem.AlreadyResident => text["Der Wohnsitz für dieses Konto ist schon bestätigt."],
        ResidencyProblem.AccountUnknown => text["Ein Konto mit dieser E-Mail-Adresse gibt es nicht."],
        ResidencyProblem.NameMissing => text["Bitte geben Sie den Namen wie im Ausweis an (höchstens {0} Zeichen).", VerifyResidency.MaxName],
        ResidencyProblem.BirthDateInvalid => text["Bitte geben Sie ein gültiges Geburtsdatum an."],
        ResidencyProblem.PersonAlreadyChecked => text["Für diese Person ist schon ein anderes Konto bestätigt. Eine Person, eine Stimme."],
        ResidencyProblem.CountInvalid => text["Bitte eine Anzahl von 1 bis {0}.", VerifyResidency.MaxCodesPerBatch],
        _ => text["Bitte benennen Sie die Auflage (höchstens {0} Zeichen).", ResidencyCode.MaxBatch],
    };
}
