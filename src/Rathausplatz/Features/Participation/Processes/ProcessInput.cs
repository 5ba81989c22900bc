using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Participation.Processes;

/// <summary>
/// The back office's form of a process; the binder checks the shapes (these attributes), <see cref="SaveProcess"/>
/// the rules that need the database or several fields.
/// </summary>
public sealed class ProcessInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(ParticipationProcess.MaxTitle, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Titel")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie eine Adresse an.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Nur Kleinbuchstaben ohne Umlaute, Ziffern und einzelne Bindestriche.")]
    [StringLength(63, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Adresse (Slug)")]
    public string? Slug { get; set; }

    [StringLength(ParticipationProcess.MaxSummary, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Kurzbeschreibung")]
    public string? Summary { get; set; }

    [StringLength(ParticipationProcess.MaxGoals, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Ziele (Markdown)")]
    public string? Goals { get; set; }

    public bool Published { get; set; }

    public bool ProposalsEnabled { get; set; }

    public bool SurveysEnabled { get; set; }

    public bool DebatesEnabled { get; set; }

    [Range(1, 1_000_000, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Unterstützungen bis zur Prüfung")]
    public int? SupportThreshold { get; set; }

    public bool BudgetEnabled { get; set; }

    /// <summary>Euros as typed ("250.000"); <see cref="Budgets.Money.TryParseEuros"/> reads it.</summary>
    [Display(Name = "Budget in Euro")]
    public string? Budget { get; set; }

    public bool ResidentsOnly { get; set; }

    public bool OpenWithoutAccount { get; set; }

    public List<Guid> DistrictIds { get; set; } = [];

    public List<Guid> TopicIds { get; set; } = [];

    /// <summary>One row per <see cref="PhaseKind"/>, in that order; a row without dates is a phase the process does without.</summary>
    public List<PhaseInput> Phases { get; set; } = [];

    public sealed class PhaseInput
    {
        public PhaseKind Kind { get; set; }

        [StringLength(ProcessPhase.MaxName, ErrorMessage = "Höchstens {1} Zeichen.")]
        public string? Name { get; set; }

        public DateOnly? FirstDay { get; set; }

        public DateOnly? LastDay { get; set; }
    }

    /// <summary>An empty form: every kind of phase offered with its usual name.</summary>
    public static ProcessInput New(Func<string, string> localize) => new() { Phases = AllPhases(localize, []) };

    public static ProcessInput From(ParticipationProcess process, Func<string, string> localize) => new()
    {
        Title = process.Title,
        Slug = process.Slug,
        Summary = process.Summary,
        Goals = process.Goals,
        Published = process.Published,
        ProposalsEnabled = process.ProposalsEnabled,
        SupportThreshold = process.SupportThreshold,
        SurveysEnabled = process.SurveysEnabled,
        DebatesEnabled = process.DebatesEnabled,
        BudgetEnabled = process.BudgetEnabled,
        Budget = process.BudgetCents is { } cents ? Budgets.Money.ForInput(cents) : null,
        ResidentsOnly = process.ResidentsOnly,
        OpenWithoutAccount = process.OpenWithoutAccount,
        DistrictIds = process.Districts.Select(d => d.DistrictId).ToList(),
        TopicIds = process.Topics.Select(t => t.TopicId).ToList(),
        Phases = AllPhases(localize, process.Phases),
    };

    /// <summary>The rows as posted, completed to one per kind (a hand-made post may leave some out).</summary>
    public void CompletePhases(Func<string, string> localize)
    {
        Phases = Enum.GetValues<PhaseKind>()
            .Select(kind => Phases.FirstOrDefault(p => p.Kind == kind) ?? new PhaseInput { Kind = kind, Name = localize(ParticipationTexts.PhaseName(kind)) })
            .ToList();
    }

    private static List<PhaseInput> AllPhases(Func<string, string> localize, List<ProcessPhase> stored) =>
        Enum.GetValues<PhaseKind>().Select(kind => stored.FirstOrDefault(p => p.Kind == kind) is { } phase
                ? new PhaseInput { Kind = kind, Name = phase.Name, FirstDay = phase.FirstDay, LastDay = phase.LastDay }
                : new PhaseInput { Kind = kind, Name = localize(ParticipationTexts.PhaseName(kind)) })
            .ToList();
}
