using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>
/// The filters of a feed, with the query names of /aktuelles (?typ=, ?thema=, ?stadtteil=), and its language
/// (?sprache=en, else German). The language is never taken from cookies or Accept-Language: a feed address
/// is shared and cached, so the same address must always give the same bytes.
/// </summary>
public sealed record FeedFilter(PostType? Type, string? TypeSlug, string? Topic, string? District, string Language)
{
    public static FeedFilter From(HttpRequest request)
    {
        string? Value(string name) => request.Query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;
        var typeSlug = Value("typ");
        return new FeedFilter(PostTypeNames.FromSlug(typeSlug), typeSlug, Value("thema"), Value("stadtteil"),
            Value("sprache") == PostLanguages.English ? PostLanguages.English : PostLanguages.German);
    }

    public IQueryable<Post> Apply(IQueryable<Post> posts)
    {
        if (Type is { } type)
            posts = posts.Where(p => p.Type == type);
        if (Topic is { } topic)
            posts = posts.Where(p => p.Topics.Any(t => t.Slug == topic));
        if (District is { } district)
            posts = posts.Where(p => p.Districts.Any(d => d.Slug == district));
        return posts;
    }

    /// <summary>The names of the filters for the feed title, or null when a filter names nothing of this organisation (the feed is then 404).</summary>
    public async Task<List<string>?> NamesAsync(AppDb db, CancellationToken ct)
    {
        var names = new List<string>();
        if (TypeSlug is not null && (Type is null || Type == PostType.Page))
            return null;
        if (Topic is not null)
        {
            if (await db.Set<Topic>().Where(t => t.Slug == Topic).Select(t => t.Name).FirstOrDefaultAsync(ct) is not { } topic)
                return null;
            names.Add(topic);
        }
        if (District is not null)
        {
            if (await db.Set<District>().Where(d => d.Slug == District).Select(d => d.Name).FirstOrDefaultAsync(ct) is not { } district)
                return null;
            names.Add(district);
        }
        return names;
    }

    /// <summary>The filter as a query string, for self links and the matching /aktuelles list.</summary>
    public string Query(bool withLanguage = true) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["typ"] = TypeSlug,
            ["thema"] = Topic,
            ["stadtteil"] = District,
            ["sprache"] = withLanguage && Language != PostLanguages.German ? Language : null,
        }.Where(p => p.Value is not null)).ToUriComponent();
}
