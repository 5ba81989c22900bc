using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.OpenApi;
using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Feeds;
using Rathausplatz.Features.Newsroom.Public;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Api;

/// <summary>
/// The newsroom's JSON API: published posts, events and job postings of the organisation of this host,
/// anonymous and read-only. Cursor paging, ETag with 304, problem details for bad queries. See docs/newsroom.md.
/// </summary>
public static class PostsApi
{
    public const string ContentType = "application/json; charset=utf-8";

    // Field names are explicit on the records; umlauts stay readable, markup characters are still escaped.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private const string TypeText = "Only posts of this type: news, service, event, alert, job or page. Without it, all types but pages.";
    private const string TopicText = "Only posts on this topic (its slug, as in topics[].slug). An unknown slug answers 400.";
    private const string DistrictText = "Only posts about this district (its slug, as in districts[].slug). An unknown slug answers 400.";
    private const string LanguageText = "de (default), en or de-x-ls (Leichte Sprache). Posts without that version come in German; each item's language says which it is.";
    private const string CursorText = "Opaque; take it from the next address of the previous page. A changed cursor answers 400.";
    private const string LimitText = "Items per page, 1 to 100; default 20.";

    public static IEndpointRouteBuilder MapNewsroomApi(this IEndpointRouteBuilder app)
    {
        // Cached like the pages and feeds (the rate limit runs before the cache, so it still counts every request).
        var api = app.MapGroup("/api/v1").AllowAnonymous().RequireRateLimiting(RateLimits.PublicReads).CacheOutput(PublicPageCache.Policy).WithTags("Newsroom");

        api.MapGet("/posts", ListPostsAsync)
            .WithName("ListPosts")
            .WithSummary("Published posts, newest first.")
            .WithDescription("News, service information, events, alerts and job postings as published on the website, newest publication first. "
                + "from/to filter by publication time. Follow next (or the Link header) for the following page.")
            .ListResponses();
        api.MapGet("/posts/{slug}", GetPostAsync)
            .WithName("GetPost")
            .WithSummary("One published post by its slug.")
            .WithDescription("Any published type, pages included. Drafts, scheduled and withdrawn posts answer 404.")
            .Produces<ApiPost>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(DescribeConditionalGet);
        api.MapGet("/events", ListEventsAsync)
            .WithName("ListEvents")
            .WithSummary("Published events by start time, upcoming by default.")
            .WithDescription("Without from, only events not yet over (all-day events until the end of their last day). from/to filter by the start time.")
            .ListResponses();
        api.MapGet("/jobs", ListJobsAsync)
            .WithName("ListJobs")
            .WithSummary("Published job postings by application deadline, open ones by default.")
            .WithDescription("Without from, only postings whose deadline is still ahead, nearest deadline first. from/to filter by the deadline.")
            .ListResponses();
        return app;
    }

    private static RouteHandlerBuilder ListResponses(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<ApiPage>(StatusCodes.Status200OK, "application/json")
        .Produces(StatusCodes.Status304NotModified)
        .ProducesValidationProblem()
        .AddOpenApiOperationTransformer(DescribeConditionalGet)
        .AddOpenApiOperationTransformer(DescribeLimit);

    private static Task<IResult> ListPostsAsync(HttpContext context, AppDb db, PublicPosts posts, MarkdownRenderer markdown, IStringLocalizer<SharedResource> text,
        [FromQuery(Name = "type"), Description(TypeText)] string? type,
        [FromQuery(Name = "topic"), Description(TopicText)] string? topic,
        [FromQuery(Name = "district"), Description(DistrictText)] string? district,
        [FromQuery(Name = "from"), Description("Published at or after: a date (2026-11-26, the town's day) or a time with offset (2026-11-26T10:00:00+01:00).")] string? from,
        [FromQuery(Name = "to"), Description("Published at or before: a date (the whole day counts) or a time with offset.")] string? to,
        [FromQuery(Name = "language"), Description(LanguageText)] string? language,
        [FromQuery(Name = "cursor"), Description(CursorText)] string? cursor,
        [FromQuery(Name = "limit"), Description(LimitText)] string? limit,
        CancellationToken ct) =>
        ListAsync(context, db, markdown, text, new ApiQuery.Raw(type, topic, district, from, to, language, cursor, limit), "posts", typed: true, query =>
        {
            var list = posts.Visible();
            list = query.Type is { } wanted ? list.Where(p => p.Type == wanted) : list.Where(p => p.Type != PostType.Page);
            if (query.From is { } start)
                list = list.Where(p => p.PublishedAt >= start);
            if (query.ToExclusive is { } end)
                list = list.Where(p => p.PublishedAt < end);
            if (query.Cursor is { } c)
                list = list.Where(p => p.PublishedAt < c.Key || (p.PublishedAt == c.Key && p.Id.CompareTo(c.Id) < 0));
            return (list.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id), p => p.PublishedAt!.Value);
        }, ct);

    private static Task<IResult> ListEventsAsync(HttpContext context, AppDb db, PublicPosts posts, MarkdownRenderer markdown, IStringLocalizer<SharedResource> text,
        [FromQuery(Name = "topic"), Description(TopicText)] string? topic,
        [FromQuery(Name = "district"), Description(DistrictText)] string? district,
        [FromQuery(Name = "from"), Description("Starting at or after: a date (2026-11-26, the town's day) or a time with offset. Without it: events not yet over.")] string? from,
        [FromQuery(Name = "to"), Description("Starting at or before: a date (the whole day counts) or a time with offset.")] string? to,
        [FromQuery(Name = "language"), Description(LanguageText)] string? language,
        [FromQuery(Name = "cursor"), Description(CursorText)] string? cursor,
        [FromQuery(Name = "limit"), Description(LimitText)] string? limit,
        CancellationToken ct) =>
        ListAsync(context, db, markdown, text, new ApiQuery.Raw(null, topic, district, from, to, language, cursor, limit), "events", typed: false, query =>
        {
            // Without from, the site's rule: listed until over (all-day events through their last day, repeating ones until their last occurrence).
            var list = query.From is { } start
                ? posts.Visible().Where(p => p.Type == PostType.Event && p.EventStart != null && p.EventStart >= start)
                : posts.EventsNotOver();
            if (query.ToExclusive is { } end)
                list = list.Where(p => p.EventStart < end);
            if (query.Cursor is { } c)
                list = list.Where(p => p.EventStart > c.Key || (p.EventStart == c.Key && p.Id.CompareTo(c.Id) > 0));
            return (list.OrderBy(p => p.EventStart).ThenBy(p => p.Id), p => p.EventStart!.Value);
        }, ct);

    private static Task<IResult> ListJobsAsync(HttpContext context, AppDb db, PublicPosts posts, MarkdownRenderer markdown, IStringLocalizer<SharedResource> text,
        [FromQuery(Name = "topic"), Description(TopicText)] string? topic,
        [FromQuery(Name = "district"), Description(DistrictText)] string? district,
        [FromQuery(Name = "from"), Description("Deadline at or after: a date (2026-11-26, the town's day) or a time with offset. Without it: deadline still ahead.")] string? from,
        [FromQuery(Name = "to"), Description("Deadline at or before: a date (the whole day counts) or a time with offset.")] string? to,
        [FromQuery(Name = "language"), Description(LanguageText)] string? language,
        [FromQuery(Name = "cursor"), Description(CursorText)] string? cursor,
        [FromQuery(Name = "limit"), Description(LimitText)] string? limit,
        CancellationToken ct) =>
        ListAsync(context, db, markdown, text, new ApiQuery.Raw(null, topic, district, from, to, language, cursor, limit), "jobs", typed: false, query =>
        {
            var list = posts.Visible().Where(p => p.Type == PostType.JobPosting && p.ApplicationDeadline != null);
            var start = query.From ?? posts.Now;
            list = query.From is null ? list.Where(p => p.ApplicationDeadline > start) : list.Where(p => p.ApplicationDeadline >= start);
            if (query.ToExclusive is { } end)
                list = list.Where(p => p.ApplicationDeadline < end);
            if (query.Cursor is { } c)
                list = list.Where(p => p.ApplicationDeadline > c.Key || (p.ApplicationDeadline == c.Key && p.Id.CompareTo(c.Id) > 0));
            return (list.OrderBy(p => p.ApplicationDeadline).ThenBy(p => p.Id), p => p.ApplicationDeadline!.Value);
        }, ct);

    /// <summary>
    /// The shared part of the lists: check the query, read one item more than asked (so we know whether a next
    /// page exists without counting), map, answer with ETag and the next address in body and Link header.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpContext context, AppDb db, MarkdownRenderer markdown, IStringLocalizer<SharedResource> text,
        ApiQuery.Raw raw, string list, bool typed, Func<ApiQuery, (IQueryable<Post> Posts, Func<Post, DateTime> Key)> select, CancellationToken ct)
    {
        var (query, errors) = await ApiQuery.ParseAsync(raw, list, typed, db, text, ct);
        if (query is null)
            return BadQuery(text, errors);
        var (posts, key) = select(query);
        var found = await query.Filter(posts).Include(p => p.Topics).Include(p => p.Districts).AsSplitQuery()
            .Take(query.Limit + 1).ToListAsync(ct);
        var page = found.Take(query.Limit).ToList();
        var next = found.Count > query.Limit ? query.NextUrl(context.Request, new ApiCursor(list, key(page[^1]), page[^1].Id)) : null;
        var site = Origin(context.Request);
        var body = JsonSerializer.SerializeToUtf8Bytes(new ApiPage(page.Select(p => ApiPost.From(p, query.Language, site, markdown)).ToList(), next), Json);
        if (next is not null)
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        return ConditionalGet.Respond(context, body, ContentType, page.Count == 0 ? null : page.Max(LastChange));
    }

    private static async Task<IResult> GetPostAsync(HttpContext context, [Description("The post's slug, the last part of its url.")] string slug, AppDb db, PublicPosts posts, MarkdownRenderer markdown,
        IStringLocalizer<SharedResource> text,
        [FromQuery(Name = "language"), Description(LanguageText)] string? language,
        CancellationToken ct)
    {
        var (query, errors) = await ApiQuery.ParseAsync(new ApiQuery.Raw(null, null, null, null, null, language, null, null), "post", typed: false, db, text, ct);
        if (query is null)
            return BadQuery(text, errors);
        var post = await posts.Visible().Include(p => p.Topics).Include(p => p.Districts).AsSplitQuery().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (post is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Nicht gefunden"],
                detail: text["Einen veröffentlichten Beitrag mit dieser Adresse gibt es nicht."]);
        var body = JsonSerializer.SerializeToUtf8Bytes(ApiPost.From(post, query.Language, Origin(context.Request), markdown), Json);
        return ConditionalGet.Respond(context, body, ContentType, LastChange(post));
    }

    private static IResult BadQuery(IStringLocalizer<SharedResource> text, Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: text["Die Anfrage enthält ungültige Werte."],
            detail: string.Join(" ", errors.Values.SelectMany(m => m)));

    private static DateTime LastChange(Post post) => post.UpdatedAt > post.PublishedAt!.Value ? post.UpdatedAt : post.PublishedAt.Value;

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    // Query values are bound as strings, so that a bad one gets our own message, not the framework's; the document says what they are.
    private static Task DescribeLimit(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            if (parameter.Name == "limit")
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = ApiQuery.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = JsonValue.Create(ApiQuery.DefaultLimit) };
        return Task.CompletedTask;
    }

    /// <summary>
    /// The web JSON defaults also read numbers from strings, so the generated schema allows "number or string" with a
    /// pattern. We only ever write numbers: the API's own records say so (registered in NewsroomSetup).
    /// </summary>
    public static Task DescribeNumbersStrictly(OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo is { } property && property.DeclaringType.Namespace == typeof(ApiPost).Namespace
            && Nullable.GetUnderlyingType(property.PropertyType) is var underlying && (underlying ?? property.PropertyType) == typeof(double))
        {
            schema.Type = underlying is null ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }

    private static Task DescribeConditionalGet(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of an earlier answer: 304 without a body while nothing has changed.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        if (operation.Responses?.TryGetValue("304", out var notModified) == true && notModified is OpenApiResponse response)
            response.Description = "Not modified: the ETag sent in If-None-Match is still current.";
        return Task.CompletedTask;
    }
}
