using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Web.OutputCaching;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2</c>: discovery, services, service definitions, requests (GET and
/// POST), one request, tokens; each as <c>.xml</c> and <c>.json</c>. Field and element names, the array
/// wrappers and the error answers are the specification's; see docs/reports.md for our extensions.
/// </summary>
public static partial class Open311Api
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string BasePath = "/open311/v2";

    private const string FormatText = "xml or json.";
    private const string JurisdictionText = "Optional: this organisation's host name. Another value answers 404.";

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup(BasePath).AllowAnonymous().WithTags("Open311 GeoReport v2");

        v2.MapGet("/discovery.{format}", DiscoveryAsync).RequireRateLimiting(RateLimits.PublicReads).CacheOutput(PublicPageCache.Policy)
            .WithName("Open311Discovery").WithSummary("Open311 service discovery: the endpoint, its formats and how to get an API key.")
            .Open311Responses();
        v2.MapGet("/services.{format}", ServicesAsync).RequireRateLimiting(RateLimits.PublicReads).CacheOutput(PublicPageCache.Policy)
            .WithName("Open311Services").WithSummary("Open311 service list: the report categories of this organisation.")
            .Open311Responses();
        v2.MapGet("/services/{service_code}.{format}", ServiceDefinitionAsync).RequireRateLimiting(RateLimits.PublicReads).CacheOutput(PublicPageCache.Policy)
            .WithName("Open311ServiceDefinition").WithSummary("Open311 service definition: the extra fields (attributes) of one category.")
            .Open311Responses(StatusCodes.Status404NotFound);
        v2.MapGet("/requests.{format}", RequestsAsync).RequireRateLimiting(RateLimits.PublicReads).CacheOutput(PublicPageCache.Policy)
            .WithName("Open311Requests").WithSummary("Open311 service requests, newest first, one page.")
            .WithDescription("Without dates: the last 90 days. A span of start_date to end_date over 90 days answers 400. "
                + "Extensions: bbox (west,south,east,north in WGS 84), page and page_size (1 to 1000, default 100); a Link header names the next page.")
            .Open311Responses(StatusCodes.Status400BadRequest);
        v2.MapPost("/requests.{format}", PostRequestAsync).RequireRateLimiting(Open311Setup.SubmitRateLimit).DisableAntiforgery()
            .WithName("Open311PostRequest").WithSummary("Open311 POST service request: a new report, with the api_key of a client application.")
            .WithDescription("Form fields (application/x-www-form-urlencoded or multipart/form-data): api_key, service_code, lat and long or address_string, "
                + "description, email, attribute[code]=value (attribute[code][]=value for a multi-value list), jurisdiction_id; "
                + "extension: media (image files, multipart). first_name, last_name, phone, device_id, account_id and media_url are accepted and not stored.")
            .Accepts<Dictionary<string, string>>("application/x-www-form-urlencoded", "multipart/form-data")
            .Open311Responses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        v2.MapGet("/requests/{service_request_id}.{format}", RequestAsync).RequireRateLimiting(RateLimits.PublicReads).CacheOutput(PublicPageCache.Policy)
            .WithName("Open311Request").WithSummary("Open311 service request by its id.")
            .Open311Responses(StatusCodes.Status404NotFound);
        v2.MapGet("/tokens/{token}.{format}", TokenAsync).RequireRateLimiting(RateLimits.PublicReads)
            .WithName("Open311Token").WithSummary("Open311 service_request_id for a token.")
            .Open311Responses(StatusCodes.Status404NotFound);
        // The media_url of earlier answers: photos now have one address, the pages' (ReportsMapApi).
        v2.MapGet("/media/{photo:guid}.jpg", MediaAsync).RequireRateLimiting(RateLimits.PublicReads)
            .WithName("Open311Media").WithSummary("Moved: a permanent redirect to the photo's public address (the media_url of a service request).")
            .Produces(StatusCodes.Status301MovedPermanently).Produces(StatusCodes.Status404NotFound);
        // Anything else below the endpoint gets the specification's error answer, not an HTML page.
        v2.MapMethods("/{**rest}", ["GET", "POST"], (HttpContext context, IStringLocalizer<SharedResource> text) =>
                Open311Result.Error(FormatOf(context.Request.Path), Open311Error.NotFound(text["Diese Adresse gibt es in der Open311-Schnittstelle nicht."])))
            .ExcludeFromDescription();
        return app;
    }

    private static RouteHandlerBuilder Open311Responses(this RouteHandlerBuilder endpoint, params int[] errors)
    {
        endpoint.Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/xml"]);
        foreach (var status in errors)
            endpoint.Produces(status, contentType: "application/json", additionalContentTypes: ["text/xml"]);
        return endpoint;
    }

    private static async Task<IResult> DiscoveryAsync(HttpContext context, [Description(FormatText)] string format, AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Check(context, format, text) is { } refused)
            return refused;
        var org = context.Organization();
        var changed = await db.Set<ReportCategory>().MaxAsync(c => (DateTime?)c.UpdatedAt, ct) ?? DateTime.UnixEpoch;
        var changeset = changed.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var contact = string.Join(" ", new[] { org.Name, org.ContactEmail, org.ContactPhone }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var document = Open311Node.Object("discovery",
            new("changeset", changeset),
            new("contact", contact),
            new("key_service", text["API-Schlüssel für Anwendungen vergibt die Verwaltung von {0}.", org.Name].Value),
            new("endpoints", Open311Node.List("endpoints", "endpoint", [Open311Node.Object("endpoint",
                new("specification", Specification),
                new("url", $"{Origin(context.Request)}{BasePath}"),
                new("changeset", changeset),
                new("type", "production"),
                new("formats", Open311Node.List("formats", "format", [new Open311Value("text/xml"), new Open311Value("application/json")])))])));
        return new Open311Result(document, Format(format));
    }

    private static async Task<IResult> ServicesAsync(HttpContext context, [Description(FormatText)] string format,
        [FromQuery(Name = "jurisdiction_id"), Description(JurisdictionText)] string? jurisdictionId,
        AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Check(context, format, text) is { } refused)
            return refused;
        var services = await db.Set<ReportCategory>().AsNoTracking().Where(c => c.Active)
            .OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new { c.Code, c.Name, c.Description, HasFields = c.Fields.Any(), c.Keywords, c.Group })
            .ToListAsync(ct);
        return new Open311Result(Open311Node.List("services", "service", services.Select(s => Open311Node.Object("service",
            new("service_code", s.Code),
            new("service_name", s.Name),
            new("description", s.Description),
            new("metadata", s.HasFields),
            // Reports get their id at once.
            new("type", "realtime"),
            new("keywords", s.Keywords),
            new("group", s.Group)))), Format(format));
    }

    private static async Task<IResult> ServiceDefinitionAsync(HttpContext context,
        [FromRoute(Name = "service_code"), Description("The service_code from the service list.")] string serviceCode,
        [Description(FormatText)] string format,
        [FromQuery(Name = "jurisdiction_id"), Description(JurisdictionText)] string? jurisdictionId,
        AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Check(context, format, text) is { } refused)
            return refused;
        var category = await db.Set<ReportCategory>().AsNoTracking().Include(c => c.Fields)
            .SingleOrDefaultAsync(c => c.Code == serviceCode && c.Active, ct);
        if (category is null)
            return Open311Result.Error(Format(format), Open311Error.NotFound(text["Den Dienst (service_code) {0} gibt es hier nicht.", serviceCode]));
        var fields = category.Fields.OrderBy(f => f.Position).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        return new Open311Result(Open311Node.Object("service_definition",
            new("service_code", category.Code),
            new("attributes", Open311Node.List("attributes", "attribute", fields.Select((f, i) => Open311Node.Object("attribute",
                [
                    new("variable", f.Variable),
                    new("code", f.Code),
                    new("datatype", Datatype(f.Datatype)),
                    new("required", f.Required),
                    new("datatype_description", f.DatatypeDescription),
                    // The specification counts from 1.
                    new("order", i + 1),
                    new("description", f.Label),
                    .. f.IsList ? [new Open311Field("values", Open311Node.List("values", "value", f.Values.Select(v =>
                        Open311Node.Object("value", new("key", v.Key), new("name", v.Name)))))] : Array.Empty<Open311Field>(),
                ]))))), Format(format));
    }

    private static string Datatype(ReportFieldType type) => type switch
    {
        ReportFieldType.String => "string",
        ReportFieldType.Number => "number",
        ReportFieldType.Datetime => "datetime",
        ReportFieldType.Text => "text",
        ReportFieldType.SingleValueList => "singlevaluelist",
        _ => "multivaluelist",
    };

    private static async Task<IResult> RequestsAsync(HttpContext context, [Description(FormatText)] string format,
        [FromQuery(Name = "jurisdiction_id"), Description(JurisdictionText)] string? jurisdictionId,
        [FromQuery(Name = "service_request_id"), Description("Comma-separated ids; overrides every other argument.")] string? ids,
        [FromQuery(Name = "service_code"), Description("Comma-separated service codes.")] string? serviceCodes,
        [FromQuery(Name = "status"), Description("open, closed or both (comma-separated).")] string? status,
        [FromQuery(Name = "start_date"), Description("Earliest requested_datetime, W3C format with zone (2026-01-01T00:00:00Z).")] string? startDate,
        [FromQuery(Name = "end_date"), Description("Latest requested_datetime, W3C format with zone; at most 90 days after start_date.")] string? endDate,
        [FromQuery(Name = "bbox"), Description("Extension: west,south,east,north in WGS 84 degrees.")] string? bbox,
        [FromQuery(Name = "page"), Description("Extension: page number, from 1.")] string? page,
        [FromQuery(Name = "page_size"), Description("Extension: items per page, 1 to 1000; default 100.")] string? pageSize,
        FindServiceRequests find, TimeProvider time, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Check(context, format, text) is { } refused)
            return refused;
        var (filter, errors) = ServiceRequestQuery.Parse(new(ids, serviceCodes, status, startDate, endDate, bbox, page, pageSize), time.GetUtcNow().UtcDateTime, text);
        if (filter is null)
            return Open311Result.Errors(Format(format), errors);
        var (items, more) = await find.RunAsync(filter, ct);
        if (more)
            context.Response.Headers.Link = $"<{NextPage(context.Request, filter.Page + 1)}>; rel=\"next\"";
        return new Open311Result(RequestsDocument(items, Origin(context.Request)), Format(format));
    }

    private static async Task<IResult> RequestAsync(HttpContext context,
        [FromRoute(Name = "service_request_id"), Description("The service_request_id (for example K7QM-3XHD).")] string serviceRequestId,
        [Description(FormatText)] string format,
        [FromQuery(Name = "jurisdiction_id"), Description(JurisdictionText)] string? jurisdictionId,
        FindServiceRequests find, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Check(context, format, text) is { } refused)
            return refused;
        var found = await find.ByIdAsync(ReportIds.Normalize(serviceRequestId), ct);
        if (found is null)
            return Open311Result.Error(Format(format), Open311Error.NotFound(text["Die Meldung (service_request_id) {0} gibt es hier nicht.", serviceRequestId]));
        return new Open311Result(RequestsDocument([found], Origin(context.Request)), Format(format));
    }

    private static async Task<IResult> TokenAsync(HttpContext context,
        [Description("The token from a POST answer.")] string token,
        [Description(FormatText)] string format,
        [FromQuery(Name = "jurisdiction_id"), Description(JurisdictionText)] string? jurisdictionId,
        AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Check(context, format, text) is { } refused)
            return refused;
        var id = token.Length <= 64 ? await db.Set<Report>().Where(r => r.RequestToken == token).Select(r => r.PublicId).FirstOrDefaultAsync(ct) : null;
        if (id is null)
            return Open311Result.Error(Format(format), Open311Error.NotFound(text["Das Token {0} gibt es hier nicht.", token]));
        return new Open311Result(Open311Node.List("service_requests", "request",
            [Open311Node.Object("request", new("service_request_id", id), new("token", token))]), Format(format));
    }

    private static async Task<IResult> MediaAsync(Guid photo, FindServiceRequests find, CancellationToken ct) =>
        (await find.MediaPathsAsync([photo], ct)).TryGetValue(photo, out var path) ? Results.Redirect(path, permanent: true) : Results.NotFound();

    private static async Task<IResult> PostRequestAsync(HttpContext context, [Description(FormatText)] string format,
        AppDb db, SubmitReport submit, Open311KeyLimiter limiter, TimeProvider time, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Check(context, format, text) is { } refused)
            return refused;
        var answer = Format(format);
        if (!context.Request.HasFormContentType)
            return Open311Result.Error(answer, Open311Error.BadRequest(text["Bitte senden Sie die Felder als application/x-www-form-urlencoded oder multipart/form-data."]));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Open311Result.Error(answer, Open311Error.BadRequest(text["Die Formulardaten sind beschädigt oder zu groß."]));
        }
        if (CheckJurisdiction(context, form["jurisdiction_id"], text) is { } wrongPlace)
            return Open311Result.Error(answer, wrongPlace);

        string key = form["api_key"].ToString();
        if (string.IsNullOrWhiteSpace(key))
            return Open311Result.Error(answer, Open311Error.Forbidden(text["api_key fehlt: Meldungen über Open311 brauchen den API-Schlüssel einer Anwendung, den die Verwaltung vergibt."]));
        var hash = Open311Client.Hash(key.Trim());
        var client = await db.Set<Open311Client>().AsNoTracking().Where(c => c.KeyHash == hash).Select(c => new { c.Id, c.RevokedAt }).FirstOrDefaultAsync(ct);
        if (client is null)
            return Open311Result.Error(answer, Open311Error.Forbidden(text["Der api_key ist ungültig."]));
        if (client.RevokedAt is not null)
            return Open311Result.Error(answer, Open311Error.Forbidden(text["Der api_key wurde widerrufen."]));
        if (!limiter.TryAcquire(client.Id))
        {
            context.Response.Headers.RetryAfter = "60";
            return Open311Result.Error(answer, new Open311Error(StatusCodes.Status429TooManyRequests, text["Zu viele Meldungen mit diesem API-Schlüssel. Bitte warten Sie eine Minute."]));
        }

        if (string.IsNullOrWhiteSpace(form["service_code"]))
            return Open311Result.Error(answer, Open311Error.BadRequest(text["service_code fehlt."]));
        var (latitude, longitude, locationError) = Location(form, text);
        if (locationError is not null)
            return Open311Result.Error(answer, locationError);

        var org = context.Organization();
        var input = new SubmitReportInput
        {
            CategoryCode = form["service_code"].ToString(),
            Latitude = latitude,
            Longitude = longitude,
            Address = form["address_string"].ToString(),
            Description = form["description"].ToString(),
            Email = form["email"].ToString(),
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de",
            Answers = Attributes(form),
            Photos = form.Files.GetFiles("media").Select(f => new PhotoUpload(f.OpenReadStream())).ToList(),
            ClientApplicationId = client.Id,
        };
        var result = await submit.RunAsync(input, new MailSender(org.Name, Origin(context.Request)), ct);
        if (result.Report is not { } report)
        {
            var errors = result.Refusals.Select(r => Refusal(r, input, org.Name, text)).OrderByDescending(e => e.Code == StatusCodes.Status404NotFound).ToList();
            return Open311Result.Errors(answer, errors);
        }
        string? notice = report.ExpectedAt is { } expected
            ? text["Danke! Wir kümmern uns voraussichtlich bis zum {0}.", TownTime.ToLocal(expected)!.Value.ToString("d", CultureInfo.CurrentCulture)].Value
            : null;
        return new Open311Result(Open311Node.List("service_requests", "request", [Open311Node.Object("request",
            new("service_request_id", report.PublicId),
            new("service_notice", notice),
            new("account_id", null))]), answer);
    }

    private static (double? Latitude, double? Longitude, Open311Error? Error) Location(IFormCollection form, IStringLocalizer<SharedResource> text)
    {
        string lat = form["lat"].ToString(), lon = form["long"].ToString();
        if (string.IsNullOrWhiteSpace(lat) && string.IsNullOrWhiteSpace(lon))
        {
            if (string.IsNullOrWhiteSpace(form["address_string"]) && !string.IsNullOrWhiteSpace(form["address_id"]))
                return (null, null, Open311Error.BadRequest(text["address_id wird hier nicht unterstützt; bitte senden Sie lat und long oder address_string."]));
            return (null, null, null);
        }
        if (double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) && double.IsFinite(latitude)
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude) && double.IsFinite(longitude))
            return (latitude, longitude, null);
        return (null, null, Open311Error.BadRequest(text["lat und long müssen beide angegeben werden, als Zahlen in Grad (WGS 84) mit Punkt, zum Beispiel lat=52.52&long=13.40."]));
    }

    /// <summary>attribute[code]=value, and attribute[code][]=value for each choice of a multi-value list.</summary>
    private static Dictionary<string, string[]> Attributes(IFormCollection form)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (AttributeName().Match(name) is not { Success: true } match)
                continue;
            var code = match.Groups["code"].Value;
            if (!answers.TryGetValue(code, out var list))
                answers[code] = list = [];
            list.AddRange(values.OfType<string>());
        }
        return answers.ToDictionary(a => a.Key, a => a.Value.ToArray(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^attribute\[(?<code>[^\[\]]+)\](\[\])?$")]
    private static partial Regex AttributeName();

    private static Open311Error Refusal(SubmitRefusal refusal, SubmitReportInput input, string organization, IStringLocalizer<SharedResource> text) => refusal.Problem switch
    {
        SubmitProblem.UnknownCategory => Open311Error.NotFound(text["Den Dienst (service_code) {0} gibt es hier nicht.", input.CategoryCode]),
        SubmitProblem.InactiveCategory => Open311Error.NotFound(text["Der Dienst (service_code) {0} nimmt keine Meldungen mehr an.", input.CategoryCode]),
        SubmitProblem.MissingField => Open311Error.BadRequest(text["attribute[{0}] ist erforderlich (siehe die Dienstbeschreibung).", refusal.Field ?? ""]),
        SubmitProblem.InvalidFieldValue => Open311Error.BadRequest(text["attribute[{0}] hat einen ungültigen Wert: Er passt nicht zum Datentyp oder ist keiner der erlaubten Schlüssel.", refusal.Field ?? ""]),
        SubmitProblem.LocationMissing => Open311Error.BadRequest(text["Der Ort fehlt: bitte lat und long oder address_string senden."]),
        SubmitProblem.CoordinatesOutOfRange => Open311Error.BadRequest(text["lat muss zwischen -90 und 90 liegen, long zwischen -180 und 180."]),
        SubmitProblem.AddressTooLong => Open311Error.BadRequest(text["address_string ist zu lang: höchstens {0} Zeichen.", SubmitReport.MaxAddress]),
        SubmitProblem.AddressNotFound => Open311Error.BadRequest(text["Die Adresse (address_string) wurde nicht gefunden; bitte senden Sie lat und long."]),
        SubmitProblem.OutsideArea => Open311Error.BadRequest(text["Der Ort liegt außerhalb des Gebiets von {0}.", organization]),
        SubmitProblem.DescriptionTooShort => Open311Error.BadRequest(text["description ist zu kurz: mindestens {0} Zeichen.", Report.MinDescription]),
        SubmitProblem.DescriptionTooLong => Open311Error.BadRequest(text["description ist zu lang: höchstens {0} Zeichen.", Report.MaxDescription]),
        SubmitProblem.EmailInvalid => Open311Error.BadRequest(text["email ist keine gültige E-Mail-Adresse."]),
        SubmitProblem.EmailRequired => Open311Error.BadRequest(text["email ist erforderlich: {0} nimmt keine anonymen Meldungen an.", organization]),
        SubmitProblem.TooManyPhotos => Open311Error.BadRequest(text["Zu viele Fotos (media)."]),
        SubmitProblem.PhotoTooLarge => Open311Error.BadRequest(text["Ein Foto (media) ist zu groß."]),
        SubmitProblem.NotAnImage => Open311Error.BadRequest(text["Eine Datei (media) ist kein Bild."]),
        _ => Open311Error.BadRequest(text["Ein Bild (media) ist beschädigt."]),
    };

    /// <summary>The answer of GET requests: every field of the specification, in its order (media_url only for released photos).</summary>
    public static Open311List RequestsDocument(IEnumerable<PublicServiceRequest> requests, string origin)
    {
        return Open311Node.List("service_requests", "request", requests.Select(r => Open311Node.Object("request",
            new("service_request_id", r.Id),
            new("status", r.Status.Open311()),
            new("status_notes", r.StatusNote),
            new("service_name", r.ServiceName),
            new("service_code", r.ServiceCode),
            new("description", r.Description),
            new("agency_responsible", r.Agency),
            new("service_notice", null),
            new("requested_datetime", r.RequestedAt),
            new("updated_datetime", r.UpdatedAt),
            new("expected_datetime", r.ExpectedAt),
            new("address", r.Address),
            new("address_id", null),
            new("zipcode", null),
            new("lat", r.Latitude),
            new("long", r.Longitude),
            new("media_url", r.MediaPath is { } path ? $"{origin}{path}" : null))));
    }

    /// <summary>The format from the route, or 404 in XML (the specification's required format) for anything else.</summary>
    private static IResult? Check(HttpContext context, string format, IStringLocalizer<SharedResource> text)
    {
        if (format is not ("xml" or "json"))
            return Open311Result.Error(Open311Format.Xml, Open311Error.NotFound(text["Das Format {0} gibt es nicht; bitte .xml oder .json.", format]));
        if (HttpMethods.IsGet(context.Request.Method) && CheckJurisdiction(context, context.Request.Query["jurisdiction_id"], text) is { } error)
            return Open311Result.Error(Format(format), error);
        return null;
    }

    /// <summary>
    /// jurisdiction_id is optional (one organisation per host); when sent it must name this host, with or
    /// without "www.", so a client configured for another town learns it at once.
    /// </summary>
    private static Open311Error? CheckJurisdiction(HttpContext context, Microsoft.Extensions.Primitives.StringValues given, IStringLocalizer<SharedResource> text)
    {
        var value = given.ToString().Trim().TrimEnd('.').ToLowerInvariant();
        if (value.Length == 0)
            return null;
        static string Bare(string host) => host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        var host = context.Request.Host.Host.ToLowerInvariant();
        return Bare(value) == Bare(host) ? null
            : Open311Error.NotFound(text["jurisdiction_id {0} gibt es hier nicht; diese Schnittstelle gehört zu {1} ({2}).", given.ToString(), context.Organization().Name, host]);
    }

    private static Open311Format Format(string format) => format == "xml" ? Open311Format.Xml : Open311Format.Json;

    private static Open311Format FormatOf(PathString path) => path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Json : Open311Format.Xml;

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static string NextPage(HttpRequest request, int page)
    {
        var query = request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        query.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return $"{Origin(request)}{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }

    /// <summary>For the rate limiter's rejection: the specification's error answer in the requested format.</summary>
    internal static Task WriteTooManyRequestsAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.Headers.RetryAfter = "60";
        return Open311Result.Error(FormatOf(context.Request.Path),
            new Open311Error(StatusCodes.Status429TooManyRequests, text["Zu viele Anfragen. Bitte warten Sie eine Minute."])).ExecuteAsync(context);
    }
}
