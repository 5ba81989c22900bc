namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>Names (localizer keys) and slugs of the budget's enums, and the messages of its refusals.</summary>
public static class BudgetTexts
{
    public static string Message(CastBallotResult result, IStringLocalizer<SharedResource> text) => result.Outcome switch
    {
        BallotOutcome.ProcessNotFound => text["Dieses Verfahren gibt es nicht."],
        BallotOutcome.VotingClosed => text["Abstimmen ist nur während der Abstimmungsphase möglich."],
        BallotOutcome.EmailNotConfirmed => text["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."],
        BallotOutcome.ResidencyRequired => text["In diesem Verfahren zählen nur Stimmen von Einwohnerinnen und Einwohnern. Bitte bestätigen Sie zuerst Ihren Wohnsitz."],
        BallotOutcome.NothingSelected => text["Bitte wählen Sie mindestens ein Projekt."],
        BallotOutcome.UnknownProject => text["Bitte wählen Sie Projekte aus der Liste."],
        BallotOutcome.OverBudget => text["Ihre Auswahl kostet {0}, das Budget ist {1}. Bitte wählen Sie Projekte ab, bis die Summe passt.",
            Money.Format(result.SelectedCents), Money.Format(result.BudgetCents)],
        BallotOutcome.DistrictMissing => text["Bitte geben Sie Ihren Stadtteil an."],
        BallotOutcome.UnknownDistrict => text["Bitte wählen Sie einen Stadtteil aus der Liste."],
        BallotOutcome.Changed => text["Ihre Stimme ist geändert. Bis zum Ende der Abstimmung können Sie sie noch ändern."],
        _ => text["Danke! Ihre Stimme ist gezählt. Bis zum Ende der Abstimmung können Sie sie noch ändern."],
    };

    public static string Message(ProjectProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        ProjectProblem.NotFound => text["Dieses Projekt gibt es nicht."],
        ProjectProblem.CostUnreadable => text["Bitte geben Sie die Kosten in Euro an, zum Beispiel 12.500 oder 12500,50."],
        ProjectProblem.UnknownDistrict => text["Bitte wählen Sie einen Stadtteil aus der Liste."],
        ProjectProblem.UnknownProposal => text["Bitte wählen Sie einen angenommenen Vorschlag dieses Verfahrens."],
        _ => text["Die Abstimmung hat begonnen; die Kosten bleiben, wie die Abstimmenden sie gesehen haben."],
    };
}
