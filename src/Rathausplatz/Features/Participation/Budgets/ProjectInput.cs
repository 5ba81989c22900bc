using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>The back office's form of a project; the binder checks the shapes, <see cref="SaveProject"/> the rest.</summary>
public sealed class ProjectInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(BudgetProject.MaxTitle, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Titel")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Bitte beschreiben Sie das Projekt.")]
    [StringLength(BudgetProject.MaxDescription, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Beschreibung (Markdown)")]
    public string? Description { get; set; }

    /// <summary>Euros as typed ("12.500" or "12500,50"); <see cref="Money.TryParseEuros"/> reads it.</summary>
    [Required(ErrorMessage = "Bitte geben Sie die Kosten an.")]
    [Display(Name = "Kosten in Euro")]
    public string? Cost { get; set; }

    /// <summary>The district's slug; empty for the whole town.</summary>
    public string? District { get; set; }

    /// <summary>The accepted proposal the project comes from, if any.</summary>
    public Guid? ProposalId { get; set; }
}
