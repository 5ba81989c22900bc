using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>The fields of the new-page and edit forms (shared by both through _WikiFields.cshtml).</summary>
public sealed class WikiForm
{
    [Display(Name = "Titel")] public string? Title { get; set; }
    [Display(Name = "Text")] public string? Body { get; set; }
    [Display(Name = "Übergeordnete Seite")] public Guid? ParentId { get; set; }
    [Display(Name = "Als Vorlage für neue Seiten anbieten")] public bool IsTemplate { get; set; }

    public WikiPageInput ToInput() => new(Title, Body, ParentId, IsTemplate);
}
