using System.Globalization;
using System.Text.RegularExpressions;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Newsroom.Api;

/// <summary>
/// The query of a list, checked: every value the client sent is either understood or named in a 400 answer
/// (in the reader's language), so a typo never looks like an empty or unfiltered list.
/// </summary>
public sealed partial record ApiQuery(PostType? Type, string? Topic, string? District, DateTime? From, DateTime? ToExclusive,
    string Language, ApiCursor? Cursor, int Limit, IReadOnlyDictionary<string, string> Echo)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public static readonly string[] Languages = [PostLanguages.German, PostLanguages.English, PostLanguages.EasyGerman];

    /// <summary>The raw values of a request, as the endpoints bind them (strings, so a bad value reaches our own checks).</summary>
    public sealed record Raw(string? Type, string? Topic, string? District, string? From, string? To, string? Language, string? Cursor, string? Limit);

    /// <summary>Checks <paramref name="raw"/>; returns the query, or the messages per parameter.</summary>
    public static async Task<(ApiQuery? Query, Dictionary<string, string[]> Errors)> ParseAsync(Raw raw, string list, bool typed,
        AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string name, string message) => errors[name] = [message];

        PostType? type = null;
        if (typed && Given(raw.Type) is { } typeName)
        {
            type = ApiPost.TypeFromName(typeName);
            if (type is null)
                Fail("type", text["Unbekannter Typ. Möglich sind: {0}.", string.Join(", ", Enum.GetValues<PostType>().Select(ApiPost.TypeName))]);
        }
        var topic = Given(raw.Topic);
        if (topic is not null && !await db.Set<Topic>().AnyAsync(t => t.Slug == topic, ct))
            Fail("topic", text["Ein Thema mit dieser Kennung gibt es hier nicht."]);
        var district = Given(raw.District);
        if (district is not null && !await db.Set<District>().AnyAsync(d => d.Slug == district, ct))
            Fail("district", text["Einen Stadtteil mit dieser Kennung gibt es hier nicht."]);

        var dateMessage = text["Kein gültiger Zeitpunkt. Erwartet wird ein Datum wie 2026-11-26 oder eine Zeit wie 2026-11-26T10:00:00+01:00."];
        var from = Time(raw.From, endOfDay: false);
        if (from is null && Given(raw.From) is not null)
            Fail("from", dateMessage);
        var to = Time(raw.To, endOfDay: true);
        if (to is null && Given(raw.To) is not null)
            Fail("to", dateMessage);
        if (from is not null && to is not null && from >= to)
            Fail("from", text["„from“ liegt nach „to“."]);

        var language = Given(raw.Language)?.ToLowerInvariant() ?? PostLanguages.German;
        if (!Languages.Contains(language))
            Fail("language", text["Unbekannte Sprache. Möglich sind: {0}.", string.Join(", ", Languages)]);

        ApiCursor? cursor = null;
        if (Given(raw.Cursor) is { } cursorText && (cursor = ApiCursor.Decode(cursorText, list)) is null)
            Fail("cursor", text["Ungültiger Cursor. Bitte verwenden Sie die Adresse aus „next“ unverändert."]);

        var limit = DefaultLimit;
        if (Given(raw.Limit) is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            Fail("limit", text["„limit“ muss eine ganze Zahl von 1 bis {0} sein.", MaxLimit]);

        if (errors.Count > 0)
            return (null, errors);
        var echo = new Dictionary<string, string>();
        void Keep(string name, string? value)
        {
            if (Given(value) is { } given)
                echo[name] = given;
        }
        Keep("type", typed ? raw.Type : null);
        Keep("topic", topic);
        Keep("district", district);
        Keep("from", raw.From);
        Keep("to", raw.To);
        Keep("language", raw.Language);
        Keep("limit", raw.Limit);
        return (new ApiQuery(type, topic, district, from, to, language, cursor, limit, echo), errors);
    }

    /// <summary>The address of the page after <paramref name="last"/>: the same query with its cursor.</summary>
    public string NextUrl(HttpRequest request, ApiCursor last)
    {
        var query = Echo.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)).Append(KeyValuePair.Create("cursor", (string?)last.Encode()));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }

    public IQueryable<Post> Filter(IQueryable<Post> posts)
    {
        if (Topic is { } topic)
            posts = posts.Where(p => p.Topics.Any(t => t.Slug == topic));
        if (District is { } district)
            posts = posts.Where(p => p.Districts.Any(d => d.Slug == district));
        return posts;
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A date is a day in the town (from: its start; to: the end of it, so to=from gives that one day);
    // a time without offset is the town's wall time. "+" left unencoded in a query arrives as a space: taken back.
    private static DateTime? Time(string? value, bool endOfDay)
    {
        if (Given(value) is not { } text)
            return null;
        text = text.Replace(' ', '+');
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return TownTime.ToUtc((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue));
        var match = IsoTime().Match(text);
        if (!match.Success)
            return null;
        DateTime utc;
        if (match.Groups["offset"].Success)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
                return null;
            utc = withOffset.UtcDateTime;
        }
        else
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                return null;
            utc = TownTime.ToUtc(local)!.Value;
        }
        // "to" with a time includes that instant.
        return endOfDay ? utc.AddTicks(1) : utc;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoTime();
}
