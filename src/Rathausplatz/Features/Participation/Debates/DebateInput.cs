using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Participation.Debates;

/// <summary>The back office's form of a debate; the binder checks the shapes.</summary>
public sealed class DebateInput
{
    [Required(ErrorMessage = "Bitte geben Sie die Frage an.")]
    [StringLength(Debate.MaxTitle, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Frage")]
    public string? Title { get; set; }

    [StringLength(Debate.MaxIntroduction, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Einführung (Markdown)")]
    public string? Introduction { get; set; }

    /// <summary>The last day comments are taken (in the town's calendar); empty: until the process ends.</summary>
    [Display(Name = "Offen bis einschließlich")]
    public DateOnly? LastDay { get; set; }

    public static DebateInput From(Debate debate) => new() { Title = debate.Title, Introduction = debate.Introduction, LastDay = debate.LastDay };
}
