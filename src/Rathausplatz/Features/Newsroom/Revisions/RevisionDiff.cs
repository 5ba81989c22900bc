using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Features.Newsroom.Events;

namespace Rathausplatz.Features.Newsroom.Revisions;

public enum DiffLineKind { Unchanged, Removed, Added, Skipped }

/// <summary>One line of a field's diff; <see cref="DiffLineKind.Skipped"/> stands for a run of unchanged lines left out.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>A field whose value differs between two versions; <see cref="Label"/> is a localizer key.</summary>
public sealed record FieldChange(string Label, bool Multiline, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// Compares two snapshots of the post form field by field. Long texts (the bodies) are compared
/// line by line with DiffPlex, with a little unchanged context around each change, so a typo fixed in
/// a long text shows as one line, not as the whole text twice. Everything else is "was → is".
/// </summary>
public static class RevisionDiff
{
    private const int Context = 2;

    private sealed record Field(string Label, Func<PostForm, string?> Value, bool Multiline = false);

    /// <summary>The names of topics and districts, and how to show dates and choices, come from the page (language, organisation).</summary>
    public sealed record Formatting(IReadOnlyDictionary<Guid, string> Names, Func<string, string> Translate);

    public static List<FieldChange> Compare(PostForm? before, PostForm after, PostType type, Formatting format)
    {
        var changes = new List<FieldChange>();
        foreach (var field in FieldsOf(type, format))
        {
            var old = before is null ? "" : field.Value(before) ?? "";
            var now = field.Value(after) ?? "";
            if (Normalize(old) == Normalize(now))
                continue;
            changes.Add(new FieldChange(field.Label, field.Multiline, field.Multiline ? Lines(old, now) : Short(old, now)));
        }
        return changes;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Trim();

    private static List<DiffLine> Short(string old, string now)
    {
        var lines = new List<DiffLine>();
        if (old.Length > 0)
            lines.Add(new(DiffLineKind.Removed, old));
        if (now.Length > 0)
            lines.Add(new(DiffLineKind.Added, now));
        return lines;
    }

    private static List<DiffLine> Lines(string old, string now)
    {
        var model = InlineDiffBuilder.Diff(Differ.Instance, Normalize(old), Normalize(now), ignoreWhiteSpace: false);
        var all = model.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Deleted => DiffLineKind.Removed,
            ChangeType.Inserted => DiffLineKind.Added,
            _ => DiffLineKind.Unchanged,
        }, l.Text ?? "")).ToList();
        // Keep unchanged lines only near a change; a run further away becomes one "skipped" line.
        var near = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Kind == DiffLineKind.Unchanged)
                continue;
            for (var j = Math.Max(0, i - Context); j <= Math.Min(all.Count - 1, i + Context); j++)
                near[j] = true;
        }
        var shown = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (near[i])
            {
                if (skipped > 0)
                    shown.Add(new(DiffLineKind.Skipped, skipped.ToString(CultureInfo.InvariantCulture)));
                skipped = 0;
                shown.Add(all[i]);
            }
            else
                skipped++;
        }
        if (skipped > 0)
            shown.Add(new(DiffLineKind.Skipped, skipped.ToString(CultureInfo.InvariantCulture)));
        return shown;
    }

    private static IEnumerable<Field> FieldsOf(PostType type, Formatting format)
    {
        string Names(List<Guid> ids) => string.Join(", ", ids.Select(id => format.Names.GetValueOrDefault(id, "?")).Order(StringComparer.CurrentCulture));
        string? Time(DateTime? local) => local?.ToString("g", CultureInfo.CurrentCulture);

        yield return Labelled(nameof(PostForm.Title), f => f.Title);
        yield return Labelled(nameof(PostForm.Summary), f => f.Summary);
        yield return Labelled(nameof(PostForm.Body), f => f.Body, multiline: true);
        yield return Labelled(nameof(PostForm.Slug), f => f.Slug);
        yield return new(Texts.Key("Themen"), f => Names(f.TopicIds));
        yield return new(Texts.Key("Stadtteile"), f => Names(f.DistrictIds));
        yield return Labelled(nameof(PostForm.PublishAt), f => Time(f.PublishAt));
        yield return Labelled(nameof(PostForm.UnpublishAt), f => Time(f.UnpublishAt));
        if (type is PostType.ServiceInformation or PostType.Alert)
        {
            yield return Labelled(nameof(PostForm.ValidFrom), f => Time(f.ValidFrom));
            yield return Labelled(nameof(PostForm.ValidUntil), f => Time(f.ValidUntil));
        }
        if (type == PostType.Alert)
            yield return new(Texts.Key("Schweregrad"), f => format.Translate(PostTypeNames.Of(f.Severity)));
        if (type == PostType.Event)
        {
            yield return Labelled(nameof(PostForm.EventStart), f => Time(f.EventStart));
            yield return Labelled(nameof(PostForm.EventEnd), f => Time(f.EventEnd));
            yield return new(Texts.Key("Ganztägig"), f => format.Translate(f.EventAllDay ? Texts.Key("ja") : Texts.Key("nein")));
            yield return Labelled(nameof(PostForm.RepeatFrequency), f => format.Translate(f.RepeatFrequency switch
            {
                RepeatFrequency.Daily => Texts.Key("Täglich"),
                RepeatFrequency.Weekly => Texts.Key("Wöchentlich"),
                RepeatFrequency.Monthly => Texts.Key("Monatlich"),
                RepeatFrequency.Yearly => Texts.Key("Jährlich"),
                _ => Texts.Key("Findet einmal statt"),
            }));
            yield return Labelled(nameof(PostForm.RepeatInterval), f => f.RepeatFrequency == RepeatFrequency.None ? null : f.RepeatInterval?.ToString(CultureInfo.CurrentCulture));
            yield return new(Texts.Key("Wochentage"), f => f.RepeatFrequency != RepeatFrequency.Weekly ? null
                : string.Join(", ", f.RepeatWeekdays.OrderBy(d => ((int)d + 6) % 7).Select(d => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d))));
            yield return Labelled(nameof(PostForm.RepeatUntil), f => f.RepeatFrequency == RepeatFrequency.None ? null : f.RepeatUntil?.ToString("d", CultureInfo.CurrentCulture));
            yield return Labelled(nameof(PostForm.RepeatCount), f => f.RepeatFrequency == RepeatFrequency.None ? null : f.RepeatCount?.ToString(CultureInfo.CurrentCulture));
            yield return Labelled(nameof(PostForm.RepeatExceptions), f => f.RepeatFrequency == RepeatFrequency.None ? null : f.RepeatExceptions);
            yield return Labelled(nameof(PostForm.PlaceName), f => f.PlaceName);
            yield return Labelled(nameof(PostForm.Latitude), f => f.Latitude);
            yield return Labelled(nameof(PostForm.Longitude), f => f.Longitude);
            yield return Labelled(nameof(PostForm.AccessibilityNotes), f => f.AccessibilityNotes, multiline: true);
            yield return Labelled(nameof(PostForm.RegistrationUrl), f => f.RegistrationUrl);
        }
        if (type == PostType.JobPosting)
        {
            yield return Labelled(nameof(PostForm.PlaceName), f => f.PlaceName);
            yield return Labelled(nameof(PostForm.JobDepartment), f => f.JobDepartment);
            yield return Labelled(nameof(PostForm.EmploymentType), f => f.EmploymentType);
            yield return Labelled(nameof(PostForm.PayGrade), f => f.PayGrade);
            yield return Labelled(nameof(PostForm.ApplicationDeadline), f => Time(f.ApplicationDeadline));
            yield return Labelled(nameof(PostForm.HowToApply), f => f.HowToApply, multiline: true);
        }
        yield return Labelled(nameof(PostForm.ContactName), f => f.ContactName);
        yield return Labelled(nameof(PostForm.ContactEmail), f => f.ContactEmail);
        yield return Labelled(nameof(PostForm.ContactDepartment), f => f.ContactDepartment);
        yield return Labelled(nameof(PostForm.TitleEnglish), f => f.TitleEnglish);
        yield return Labelled(nameof(PostForm.SummaryEnglish), f => f.SummaryEnglish);
        yield return Labelled(nameof(PostForm.BodyEnglish), f => f.BodyEnglish, multiline: true);
        yield return Labelled(nameof(PostForm.TitleEasy), f => f.TitleEasy);
        yield return Labelled(nameof(PostForm.SummaryEasy), f => f.SummaryEasy);
        yield return Labelled(nameof(PostForm.BodyEasy), f => f.BodyEasy, multiline: true);
    }

    // The form's own display names are the labels, so the diff says what the form says.
    private static Field Labelled(string property, Func<PostForm, string?> value, bool multiline = false) =>
        new(typeof(PostForm).GetProperty(property)!.GetCustomAttribute<DisplayAttribute>()!.Name!, value, multiline);
}
