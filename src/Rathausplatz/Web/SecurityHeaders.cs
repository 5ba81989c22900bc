namespace Rathausplatz.Web;

/// <summary>
/// Strict headers on every answer: only our own scripts, styles, fonts and images; no framing;
/// no referrer to other sites. Inline script and style are forbidden, so none may be written.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; " +
        "manifest-src 'self'; worker-src 'self'";

    private const string ImageOriginKey = "csp-image-origin";

    /// <summary>Lets this one answer load images from <paramref name="origin"/> (the map tiles of the district map); an https origin, nothing else.</summary>
    public static void AllowImagesFrom(HttpContext context, Uri origin)
    {
        if (origin.Scheme == Uri.UriSchemeHttps)
            context.Items[ImageOriginKey] = origin.GetLeftPart(UriPartial.Authority);
    }

    private const string FormTargetKey = "csp-form-target";

    /// <summary>
    /// Lets this one answer's forms lead to <paramref name="origin"/>: the sign-in form's button for an identity provider
    /// is answered with a redirect there, and form-action governs redirects after a submission too.
    /// </summary>
    public static void AllowFormsTo(HttpContext context, Uri origin) =>
        context.Items[FormTargetKey] = origin.GetLeftPart(UriPartial.Authority);

    private const string FramedBySelfKey = "csp-framed-by-self";

    /// <summary>
    /// Lets this one answer be shown in a frame of our own pages (the PDF preview of intranet documents): frame-ancestors
    /// 'self' and X-Frame-Options SAMEORIGIN instead of none; and the browser's PDF viewer, which CSP counts as a plugin, may run.
    /// </summary>
    public static void AllowFramingBySelf(HttpContext context) => context.Items[FramedBySelfKey] = true;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[ImageOriginKey] is string origin
                ? ContentSecurityPolicy.Replace("img-src 'self' data:", $"img-src 'self' data: {origin}", StringComparison.Ordinal)
                : ContentSecurityPolicy;
            if (context.Items[FormTargetKey] is string formTarget)
                headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.ToString()
                    .Replace("form-action 'self'", $"form-action 'self' {formTarget}", StringComparison.Ordinal);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            if (context.Items.ContainsKey(FramedBySelfKey))
            {
                headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.ToString()
                    .Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal)
                    .Replace("object-src 'none'", "object-src 'self'", StringComparison.Ordinal);
                headers.XFrameOptions = "SAMEORIGIN";
            }
            // A page may be stricter (preview links send no referrer at all), never looser.
            if (!headers.ContainsKey("Referrer-Policy"))
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
