using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Rathausplatz.Web.OutputCaching;

/// <summary>
/// Brotli or gzip for public answers only: those that are the same for everyone who asks (anonymous request, no
/// cookie set, not marked private or no-store). They hold no secret, so compression over HTTPS gives a BREACH
/// attacker nothing to guess; a signed-in user's page or a form with an antiforgery token goes out as it is.
/// It runs inside the output cache, which keeps the compressed bytes per encoding (<see cref="PublicPagePolicy"/>):
/// a cache hit costs no compression and sends a quarter of the bytes, on a phone and through the kernel alike.
/// </summary>
internal sealed class PublicAnswerCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/cap+xml", "application/geo+json", "text/calendar", "application/manifest+json"];

    public static void AddTo(IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // The rule above makes HTTPS safe; behind a TLS-terminating proxy the request is HTTPS too.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(FeedTypes);
        });
        // Most compressed answers are made once and then served from the cache many times.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, PublicAnswerCompression>());
    }

    public override bool ShouldCompressResponse(HttpContext context) =>
        IsPublic(context) && base.ShouldCompressResponse(context);

    // Decided at the answer's first byte. A signed-in user's "no-store" comes later (PersonalAnswersUncached sets it
    // when the response starts), so the user is asked directly; an antiforgery token sets its cookie and "no-store" at once.
    private static bool IsPublic(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true
        && !context.Response.Headers.ContainsKey(HeaderNames.SetCookie)
        && !PublicPagePolicy.MarksItselfPersonal(context.Response);
}
