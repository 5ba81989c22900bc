using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Participation.ProcessPages;

/// <summary>The back office's form of a process page; the binder checks the shapes.</summary>
public sealed class ProcessPageInput
{
    public ProcessPageKind Kind { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(ProcessPage.MaxTitle, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Titel")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Bitte schreiben Sie den Text der Seite.")]
    [StringLength(ProcessPage.MaxBody, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Text (Markdown)")]
    public string? Body { get; set; }

    public bool Published { get; set; }

    public static ProcessPageInput From(ProcessPage page) =>
        new() { Kind = page.Kind, Title = page.Title, Body = page.Body, Published = page.Published };
}
