using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Features.Newsroom.Events;

namespace Rathausplatz.Features.Newsroom.Revisions;

/// <summary>
/// Compares two snapshots of the post form field by field through <see cref="TextDiff"/>: long texts
/// (the bodies) line by line, everything else as "was → is".
/// </summary>
public static class RevisionDiff
{
    private sealed record Field(string Label, Func<PostForm, string?> Value, bool Multiline = false);

    /// <summary>The names of topics and districts, and how to show dates and choices, come from the page (language, organisation).</summary>
    public sealed record Formatting(IReadOnlyDictionary<Guid, string> Names, Func<string, string> Translate);

    public static List<FieldChange> Compare(PostForm? before, PostForm after, PostType type, Formatting format) =>
        FieldsOf(type, format)
            .Select(field => TextDiff.Compare(field.Label, before is null ? "" : field.Value(before), field.Value(after), field.Multiline))
            .OfType<FieldChange>().ToList();

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
