using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>The fields of "Neue Aufgabe" and of a task's edit form; checked by <see cref="SaveTask"/>.</summary>
public sealed class TaskForm
{
    [Display(Name = "Titel")] public string? Title { get; set; }
    [Display(Name = "Beschreibung")] public string? Description { get; set; }
    [Display(Name = "Zuständig")] public Guid? AssigneeId { get; set; }
    [Display(Name = "Fällig am")] public DateOnly? DueOn { get; set; }
    [Display(Name = "Stand")] public TaskState State { get; set; }
    /// <summary>The version the form was filled in on (hidden).</summary>
    public int Version { get; set; }

    public TaskInput ToInput() => new(Title, Description, AssigneeId, DueOn, State);
}
