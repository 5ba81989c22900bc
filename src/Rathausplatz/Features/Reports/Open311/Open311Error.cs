namespace Rathausplatz.Features.Reports.Open311;

/// <summary>
/// One entry of the specification's error answer (<c>[{"code":400,"description":"…"}]</c> /
/// <c>&lt;errors&gt;&lt;error&gt;…</c>). The code is the HTTP status, as the specification recommends:
/// 404 for what does not exist, 403 for a missing or wrong api_key, 400 for everything else; 429 for flooding.
/// </summary>
public sealed record Open311Error(int Code, string Description)
{
    public static Open311Error BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);

    public static Open311Error NotFound(string description) => new(StatusCodes.Status404NotFound, description);

    public static Open311Error Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);

    public static Open311List Document(IEnumerable<Open311Error> errors) =>
        Open311Node.List("errors", "error", errors.Select(e => Open311Node.Object("error", new("code", e.Code), new("description", e.Description))));
}

/// <summary>An Open311 answer with its status code, in the asked-for format and UTF-8.</summary>
public sealed class Open311Result(Open311Node document, Open311Format format, int status = StatusCodes.Status200OK) : IResult
{
    public Task ExecuteAsync(HttpContext context)
    {
        var body = Open311Writer.Write(document, format);
        context.Response.StatusCode = status;
        context.Response.ContentType = Open311Writer.ContentType(format);
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>The errors; the HTTP status is the first error's code (the most specific one is listed first).</summary>
    public static Open311Result Errors(Open311Format format, IReadOnlyList<Open311Error> errors) =>
        new(Open311Error.Document(errors), format, errors[0].Code);

    public static Open311Result Error(Open311Format format, Open311Error error) => Errors(format, [error]);
}
