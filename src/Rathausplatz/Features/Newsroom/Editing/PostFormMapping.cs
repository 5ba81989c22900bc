using System.Globalization;
using Rathausplatz.Features.Newsroom.Events;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>
/// Between the form and the entity: the form speaks local time and flat per-language fields, the
/// entity UTC and a list of contents; only the fields of the post's type are kept.
/// </summary>
public static class PostFormMapping
{
    public static PostForm ToForm(this Post post)
    {
        var rule = EventRecurrence.Parts(post.Recurrence);
        var english = post.In(PostLanguages.English);
        var easy = post.In(PostLanguages.EasyGerman);
        return new PostForm
        {
            Title = post.German.Title,
            Summary = post.German.Summary,
            Body = post.German.Body,
            TitleEnglish = english?.Title,
            SummaryEnglish = english?.Summary,
            BodyEnglish = english?.Body,
            TitleEasy = easy?.Title,
            SummaryEasy = easy?.Summary,
            BodyEasy = easy?.Body,
            Slug = post.Slug,
            TopicIds = post.Topics.Select(t => t.Id).ToList(),
            DistrictIds = post.Districts.Select(d => d.Id).ToList(),
            ContactName = post.ContactName,
            ContactEmail = post.ContactEmail,
            ContactDepartment = post.ContactDepartment,
            PublishAt = TownTime.ToLocal(post.PublishAt),
            UnpublishAt = TownTime.ToLocal(post.UnpublishAt),
            ValidFrom = TownTime.ToLocal(post.ValidFrom),
            ValidUntil = TownTime.ToLocal(post.ValidUntil),
            EventStart = TownTime.ToLocal(post.EventStart),
            EventEnd = TownTime.ToLocal(post.EventEnd),
            EventAllDay = post.EventAllDay,
            PlaceName = post.PlaceName,
            Latitude = post.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Longitude = post.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AccessibilityNotes = post.AccessibilityNotes,
            RegistrationUrl = post.RegistrationUrl,
            RepeatFrequency = Enum.TryParse<RepeatFrequency>(rule.GetValueOrDefault("FREQ"), ignoreCase: true, out var frequency) ? frequency : RepeatFrequency.None,
            RepeatInterval = int.TryParse(rule.GetValueOrDefault("INTERVAL"), CultureInfo.InvariantCulture, out var interval) ? interval : null,
            RepeatWeekdays = rule.GetValueOrDefault("FREQ") == "WEEKLY"
                ? (rule.GetValueOrDefault("BYDAY") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(EventRecurrence.Weekday).OfType<DayOfWeek>().ToList() : [],
            RepeatMonthlyByWeekday = rule.GetValueOrDefault("FREQ") == "MONTHLY" && rule.ContainsKey("BYDAY"),
            RepeatCount = int.TryParse(rule.GetValueOrDefault("COUNT"), CultureInfo.InvariantCulture, out var count) ? count : null,
            RepeatUntil = RepeatUntilOf(rule.GetValueOrDefault("UNTIL")),
            RepeatExceptions = post.RecurrenceExceptions is null ? null
                : string.Join(", ", EventRecurrence.Exceptions(post.RecurrenceExceptions).Select(d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture))),
            Severity = post.Severity ?? AlertSeverity.Warning,
            JobDepartment = post.JobDepartment,
            EmploymentType = post.EmploymentType,
            PayGrade = post.PayGrade,
            ApplicationDeadline = TownTime.ToLocal(post.ApplicationDeadline),
            HowToApply = post.HowToApply,
        };
    }

    public static void CopyTo(this PostForm form, Post post)
    {
        SetContent(post, PostLanguages.German, form.Title, form.Summary, form.Body);
        SetContent(post, PostLanguages.English, form.TitleEnglish, form.SummaryEnglish, form.BodyEnglish);
        SetContent(post, PostLanguages.EasyGerman, form.TitleEasy, form.SummaryEasy, form.BodyEasy);
        post.ContactName = Clean(form.ContactName);
        post.ContactEmail = Clean(form.ContactEmail);
        post.ContactDepartment = Clean(form.ContactDepartment);
        post.PublishAt = TownTime.ToUtc(form.PublishAt);
        post.UnpublishAt = TownTime.ToUtc(form.UnpublishAt);

        var type = post.Type;
        var hasValidity = type is PostType.ServiceInformation or PostType.Alert;
        post.ValidFrom = hasValidity ? TownTime.ToUtc(form.ValidFrom) : null;
        post.ValidUntil = hasValidity ? TownTime.ToUtc(form.ValidUntil) : null;
        post.Severity = type == PostType.Alert ? form.Severity : null;

        var isEvent = type == PostType.Event;
        post.EventStart = isEvent ? TownTime.ToUtc(form.EventStart) : null;
        post.EventEnd = isEvent ? TownTime.ToUtc(form.EventEnd) : null;
        post.EventAllDay = isEvent && form.EventAllDay;
        post.Latitude = isEvent ? form.ParsedLatitude : null;
        post.Longitude = isEvent ? form.ParsedLongitude : null;
        post.AccessibilityNotes = isEvent ? Clean(form.AccessibilityNotes) : null;
        post.RegistrationUrl = isEvent ? Clean(form.RegistrationUrl) : null;
        post.PlaceName = type is PostType.Event or PostType.JobPosting ? Clean(form.PlaceName) : null;
        var localStart = isEvent ? form.EventStart : null;
        post.Recurrence = localStart is { } first
            ? EventRecurrence.Rule(form.RepeatFrequency, form.RepeatInterval ?? 1, form.RepeatWeekdays, form.RepeatMonthlyByWeekday,
                form.RepeatUntil is { } until ? DateOnly.FromDateTime(until) : null, form.RepeatCount, first, form.EventAllDay)
            : null;
        var exceptions = post.Recurrence is null ? [] : EventRecurrence.ParseTyped(form.RepeatExceptions).Dates;
        post.RecurrenceExceptions = exceptions.Count == 0 ? null : string.Join(",", exceptions.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var isJob = type == PostType.JobPosting;
        post.JobDepartment = isJob ? Clean(form.JobDepartment) : null;
        post.EmploymentType = isJob ? Clean(form.EmploymentType) : null;
        post.PayGrade = isJob ? Clean(form.PayGrade) : null;
        post.ApplicationDeadline = isJob ? TownTime.ToUtc(form.ApplicationDeadline) : null;
        post.HowToApply = isJob ? Clean(form.HowToApply) : null;
    }

    // German is always there; another language exists while its title is filled in.
    private static void SetContent(Post post, string language, string? title, string? summary, string? body)
    {
        var content = post.In(language);
        if (string.IsNullOrWhiteSpace(title))
        {
            if (content is not null && language != PostLanguages.German)
                post.Contents.Remove(content);
            return;
        }
        if (content is null)
        {
            content = new PostContent { Language = language, Title = "" };
            post.Contents.Add(content);
        }
        content.Title = title.Trim();
        content.Summary = summary?.Trim() ?? "";
        content.Body = body ?? "";
    }

    // UNTIL was written as the last local day's 23:59:59 in UTC (timed events) or as that day (all-day ones).
    private static DateTime? RepeatUntilOf(string? until)
    {
        if (until is null)
            return null;
        if (DateTime.TryParseExact(until, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return TownTime.ToLocal(utc)!.Value.Date;
        return DateTime.TryParseExact(until, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
