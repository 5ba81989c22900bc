using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Reports.Desk.Admin;

/// <summary>The admin's form of a category (an Open311 service).</summary>
public sealed class CategoryInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Code an.")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "Nur Buchstaben ohne Umlaute, Ziffern, Punkt, Binde- und Unterstrich, höchstens 64 Zeichen.")]
    [Display(Name = "Code (Open311 service_code)")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Beschreibung")]
    public string? Description { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Gruppe")]
    public string? Group { get; set; }

    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Stichwörter (durch Kommas getrennt)")]
    public string? Keywords { get; set; }

    public Guid? DepartmentId { get; set; }

    [Range(1, 365, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Frist in Tagen")]
    public int? DueDays { get; set; }

    [Range(0, 10000, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Reihenfolge")]
    public int Position { get; set; }

    public bool Active { get; set; } = true;

    public static CategoryInput From(ReportCategory c) => new()
    {
        Code = c.Code, Name = c.Name, Description = c.Description, Group = c.Group, Keywords = c.Keywords,
        DepartmentId = c.DepartmentId, DueDays = c.DueDays, Position = c.Position, Active = c.Active,
    };

    public void ApplyTo(ReportCategory c)
    {
        c.Name = Name!.Trim();
        c.Description = Blank(Description);
        c.Group = Blank(Group);
        c.Keywords = Blank(Keywords);
        c.DepartmentId = DepartmentId;
        c.DueDays = DueDays;
        c.Position = Position;
        c.Active = Active;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One extra field of a category (an Open311 attribute); saving a code that exists changes that field.</summary>
public sealed class FieldInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Code an.")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "Nur Buchstaben ohne Umlaute, Ziffern, Punkt, Binde- und Unterstrich, höchstens 64 Zeichen.")]
    [Display(Name = "Code des Felds")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie die Frage an.")]
    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Frage oder Hinweis")]
    public string? Label { get; set; }

    public ReportFieldType Datatype { get; set; }

    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Hilfetext")]
    public string? DatatypeDescription { get; set; }

    public bool Required { get; set; }

    /// <summary>Off: a note shown to the reporter, not a question.</summary>
    public bool Variable { get; set; } = true;

    [Range(0, 10000, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Reihenfolge")]
    public int Position { get; set; }

    [StringLength(20_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Auswahlwerte (eine Zeile je Wert: Schlüssel=Name)")]
    public string? Values { get; set; }

    /// <summary>"key=Name" lines; null when a line has no key or a key repeats.</summary>
    public List<ReportFieldValue>? ParseValues()
    {
        var values = new List<ReportFieldValue>();
        foreach (var line in (Values ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var parts = line.Split('=', 2);
            var key = parts[0].Trim();
            var name = parts.Length == 2 ? parts[1].Trim() : key;
            if (key.Length == 0 || key.Length > 100 || name.Length > 200 || values.Any(v => v.Key == key))
                return null;
            values.Add(new ReportFieldValue(key, name.Length == 0 ? key : name));
        }
        return values;
    }
}
