using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Rathausplatz.Data;

namespace Rathausplatz.Web.OutputCaching;

/// <summary>
/// Added after the framework's default policy, which already limits caching to anonymous GET/HEAD requests
/// without an Authorization header, and storage to 200 answers without Set-Cookie.
/// </summary>
internal sealed class PublicPagePolicy(OutputCacheSettings settings, IResponseCompressionProvider compression) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var organization = http.RequestServices.GetRequiredService<TenantContext>().OrganizationId;
        // A one-time status message ("Sie sind abgemeldet") travels in the TempData cookie to the next page;
        // a cached page would swallow it (and that answer deletes the cookie, so it is not stored either).
        if (organization is null || http.Request.Cookies.ContainsKey(PageModelExtensions.TempDataCookie))
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        // The host is part of the key already; the organisation too, so a host moved to another town
        // cannot show the old one's pages. The language is the one localisation chose (cookie, then
        // Accept-Language), not the raw headers, so every browser asking for German shares one entry.
        context.CacheVaryByRules.VaryByValues["org"] = organization.Value.ToString("N");
        context.CacheVaryByRules.VaryByValues["lang"] = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // Brotli, gzip or none, as negotiated (PublicAnswerCompression), not the raw header: browsers share entries.
        context.CacheVaryByRules.VaryByValues["encoding"] = compression.GetCompressionProvider(http)?.EncodingName ?? "identity";
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(PublicPageCache.AllTag);
        context.Tags.Add(PublicPageCache.OrganizationTag(organization.Value));
        context.ResponseExpirationTimeSpan = settings.MaxAge;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        // A page that made an antiforgery token says "no-store": the token belongs to one visitor's cookie.
        // Same for anything else that marks itself private.
        if (MarksItselfPersonal(context.HttpContext.Response))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether the answer says it belongs to one visitor (<c>no-store</c> or <c>private</c>): never stored, never compressed.</summary>
    internal static bool MarksItselfPersonal(HttpResponse response)
    {
        var cacheControl = response.Headers.CacheControl.ToString();
        return cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase);
    }
}
