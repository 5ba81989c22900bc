using System.Text.Json.Serialization;

namespace Rathausplatz.Features.Newsroom.Api;

/// <summary>
/// A published post as the JSON API gives it. It differs from <see cref="Post"/> on purpose: one language
/// version instead of all, the body as sanitised HTML instead of Markdown, absolute URL, town-time offsets,
/// and no workflow or author fields (who wrote or approved a post is internal). The blocks of the other types
/// are null rather than missing, so every item has the same keys and the OpenAPI schema can call them required.
/// </summary>
public sealed record ApiPost(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("bodyHtml")] string BodyHtml,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("topics")] IReadOnlyList<ApiTerm> Topics,
    [property: JsonPropertyName("districts")] IReadOnlyList<ApiTerm> Districts,
    [property: JsonPropertyName("publishedAt")] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("event")] ApiEvent? Event,
    [property: JsonPropertyName("job")] ApiJob? Job,
    [property: JsonPropertyName("alert")] ApiAlert? Alert,
    [property: JsonPropertyName("service")] ApiValidity? Service)
{
    /// <summary>The type names of the API (English, unlike the German addresses of the pages).</summary>
    public static string TypeName(PostType type) => type switch
    {
        PostType.News => "news",
        PostType.ServiceInformation => "service",
        PostType.Event => "event",
        PostType.Alert => "alert",
        PostType.JobPosting => "job",
        _ => "page",
    };

    public static PostType? TypeFromName(string name) =>
        Enum.GetValues<PostType>().Cast<PostType?>().FirstOrDefault(t => TypeName(t!.Value) == name);

    /// <summary>Maps a post (with its topics and districts loaded) in the wanted language, German where it has no such version.</summary>
    public static ApiPost From(Post post, string language, string siteUrl, MarkdownRenderer markdown)
    {
        var content = post.In(language) ?? post.German;
        return new ApiPost(post.Id, TypeName(post.Type), post.Slug, $"{siteUrl}/aktuelles/{Uri.EscapeDataString(post.Slug)}",
            content.Title, content.Summary, markdown.ToSafeHtml(content.Body), content.Language,
            Terms(post.Topics.Select(t => (t.Slug, t.Name))), Terms(post.Districts.Select(d => (d.Slug, d.Name))),
            Town(post.PublishedAt!.Value), Town(post.UpdatedAt),
            post.Type == PostType.Event
                ? new ApiEvent(Town(post.EventStart), TownOrNull(post.EventEnd), post.EventAllDay, post.PlaceName, post.Latitude, post.Longitude,
                    post.AccessibilityNotes, post.RegistrationUrl)
                : null,
            post.Type == PostType.JobPosting
                ? new ApiJob(post.JobDepartment, post.EmploymentType, post.PayGrade, TownOrNull(post.ApplicationDeadline), post.HowToApply)
                : null,
            post.Type == PostType.Alert
                ? new ApiAlert(SeverityName(post.Severity ?? AlertSeverity.Info), TownOrNull(post.ValidFrom), TownOrNull(post.ValidUntil))
                : null,
            post.Type == PostType.ServiceInformation ? new ApiValidity(TownOrNull(post.ValidFrom), TownOrNull(post.ValidUntil)) : null);
    }

    public static string SeverityName(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Danger => "danger",
        AlertSeverity.Warning => "warning",
        _ => "info",
    };

    private static List<ApiTerm> Terms(IEnumerable<(string Slug, string Name)> terms) =>
        terms.OrderBy(t => t.Name, StringComparer.CurrentCulture).Select(t => new ApiTerm(t.Slug, t.Name)).ToList();

    /// <summary>UTC from the database as the town's wall time with its offset, whole seconds (2026-11-26T10:00:00+01:00).</summary>
    public static DateTimeOffset Town(DateTime? utc)
    {
        var value = DateTime.SpecifyKind(utc!.Value, DateTimeKind.Utc);
        value = value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(value), TownTime.Zone);
    }

    private static DateTimeOffset? TownOrNull(DateTime? utc) => utc is null ? null : Town(utc);
}

/// <summary>A topic or district: the slug filters lists (?topic=, ?district=), the name is for people.</summary>
public sealed record ApiTerm([property: JsonPropertyName("slug")] string Slug, [property: JsonPropertyName("name")] string Name);

public sealed record ApiEvent(
    [property: JsonPropertyName("start")] DateTimeOffset Start,
    [property: JsonPropertyName("end")] DateTimeOffset? End,
    [property: JsonPropertyName("allDay")] bool AllDay,
    [property: JsonPropertyName("place")] string? Place,
    [property: JsonPropertyName("latitude")] double? Latitude,
    [property: JsonPropertyName("longitude")] double? Longitude,
    [property: JsonPropertyName("accessibilityNotes")] string? AccessibilityNotes,
    [property: JsonPropertyName("registrationUrl")] string? RegistrationUrl);

public sealed record ApiJob(
    [property: JsonPropertyName("department")] string? Department,
    [property: JsonPropertyName("employmentType")] string? EmploymentType,
    [property: JsonPropertyName("payGrade")] string? PayGrade,
    [property: JsonPropertyName("deadline")] DateTimeOffset? Deadline,
    [property: JsonPropertyName("howToApply")] string? HowToApply);

/// <summary>Severity is "info", "warning" or "danger".</summary>
public sealed record ApiAlert(
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("validFrom")] DateTimeOffset? ValidFrom,
    [property: JsonPropertyName("validUntil")] DateTimeOffset? ValidUntil);

public sealed record ApiValidity(
    [property: JsonPropertyName("validFrom")] DateTimeOffset? ValidFrom,
    [property: JsonPropertyName("validUntil")] DateTimeOffset? ValidUntil);

/// <summary>One page of a list: <see cref="Next"/> is the absolute address of the following page, null on the last.</summary>
public sealed record ApiPage(
    [property: JsonPropertyName("items")] IReadOnlyList<ApiPost> Items,
    [property: JsonPropertyName("next")] string? Next);
