using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>
/// schema.org JSON-LD for a post (NewsArticle, Event, JobPosting), so search engines and other
/// towns' systems read the facts without scraping. The serializer escapes &lt; and &gt;, so editor text
/// cannot close the script element it is written into.
/// </summary>
public static class StructuredData
{
    public static string? For(PostView view, string organizationName, string url)
    {
        var post = view.Post;
        var content = view.Content;
        var publisher = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = organizationName };
        JsonObject? data = post.Type switch
        {
            PostType.News or PostType.ServiceInformation or PostType.Alert => new JsonObject
            {
                ["@type"] = "NewsArticle",
                ["headline"] = content.Title,
                ["description"] = content.Summary,
                ["datePublished"] = Iso(post.PublishedAt),
                ["dateModified"] = Iso(post.UpdatedAt),
                ["author"] = publisher.DeepClone(),
                ["publisher"] = publisher,
            },
            PostType.Event => new JsonObject
            {
                ["@type"] = "Event",
                ["name"] = content.Title,
                ["description"] = content.Summary,
                // A repeating event names its next occurrence here and the rule in eventSchedule.
                ["startDate"] = post.EventAllDay ? LocalDate(NextStart(post)) : Iso(NextStart(post)),
                ["endDate"] = post.EventAllDay ? LocalDate(NextEnd(post) ?? NextStart(post)) : Iso(NextEnd(post) ?? NextStart(post)),
                ["eventSchedule"] = Schedule(post),
                ["eventStatus"] = "https://schema.org/EventScheduled",
                ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
                ["location"] = Place(post.PlaceName ?? organizationName, organizationName, post.Latitude, post.Longitude),
                ["organizer"] = publisher,
            },
            PostType.JobPosting => new JsonObject
            {
                ["@type"] = "JobPosting",
                ["title"] = content.Title,
                ["description"] = string.IsNullOrEmpty(view.BodyHtml) ? content.Summary : view.BodyHtml,
                ["datePosted"] = Iso(post.PublishedAt),
                ["validThrough"] = Iso(post.ApplicationDeadline),
                ["employmentType"] = post.EmploymentType,
                ["hiringOrganization"] = publisher,
                ["jobLocation"] = Place(post.PlaceName ?? organizationName, organizationName, null, null),
            },
            _ => null,
        };
        if (data is null)
            return null;
        data.Insert(0, "@context", "https://schema.org");
        data["url"] = url;
        // The widest JPEG of each image, absolute: the type every consumer of schema.org reads.
        var images = view.Media.Images.Select(i => (JsonNode?)new Uri(new Uri(url), i.Jpeg().Url).AbsoluteUri).ToArray();
        if (images.Length > 0)
            data["image"] = new JsonArray(images);
        data["inLanguage"] = content.Language == PostLanguages.EasyGerman ? "de" : content.Language;
        foreach (var empty in data.Where(p => p.Value is null).Select(p => p.Key).ToList())
            data.Remove(empty);
        return data.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static DateTime? NextStart(Post post) => post.Recurrence is null ? post.EventStart : post.NextOccurrenceStart ?? post.EventStart;

    private static DateTime? NextEnd(Post post) => post.Recurrence is null ? post.EventEnd : post.NextOccurrenceEnd;

    /// <summary>schema.org Schedule from the RRULE: frequency as an ISO 8601 duration, weekdays, times in the town's zone.</summary>
    private static JsonObject? Schedule(Post post)
    {
        if (post.Recurrence is null || post.EventStart is null)
            return null;
        var rule = Events.EventRecurrence.Parts(post.Recurrence);
        var interval = rule.TryGetValue("INTERVAL", out var n) ? n : "1";
        var localStart = TownTime.ToLocal(post.EventStart)!.Value;
        var schedule = new JsonObject
        {
            ["@type"] = "Schedule",
            ["repeatFrequency"] = rule.GetValueOrDefault("FREQ") switch { "DAILY" => $"P{interval}D", "WEEKLY" => $"P{interval}W", "MONTHLY" => $"P{interval}M", _ => $"P{interval}Y" },
            ["startDate"] = localStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["scheduleTimezone"] = TownTime.ZoneId,
        };
        if (rule.GetValueOrDefault("FREQ") == "WEEKLY" && rule.TryGetValue("BYDAY", out var days))
            schedule["byDay"] = new JsonArray(days.Split(',').Select(Events.EventRecurrence.Weekday).OfType<DayOfWeek>()
                .Select(d => (JsonNode)JsonValue.Create($"https://schema.org/{d}")).ToArray());
        if (!post.EventAllDay)
        {
            schedule["startTime"] = localStart.ToString("HH:mm", CultureInfo.InvariantCulture);
            if (TownTime.ToLocal(post.EventEnd) is { } localEnd)
                schedule["endTime"] = localEnd.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        if (rule.TryGetValue("COUNT", out var count))
            schedule["repeatCount"] = int.Parse(count, CultureInfo.InvariantCulture);
        if (post.OccursUntil is { } until && !rule.ContainsKey("COUNT"))
            schedule["endDate"] = LocalDate(until.AddSeconds(-1));
        var exceptions = Events.EventRecurrence.Exceptions(post.RecurrenceExceptions);
        if (exceptions.Count > 0)
            schedule["exceptDate"] = new JsonArray(exceptions.Select(d => (JsonNode)JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray());
        return schedule;
    }

    private static JsonObject Place(string name, string locality, double? latitude, double? longitude)
    {
        var place = new JsonObject
        {
            ["@type"] = "Place",
            ["name"] = name,
            ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = locality, ["addressCountry"] = "DE" },
        };
        if (latitude is { } lat && longitude is { } lon)
            place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = lat, ["longitude"] = lon };
        return place;
    }

    private static string? Iso(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string? LocalDate(DateTime? utc) => TownTime.ToLocal(utc)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
