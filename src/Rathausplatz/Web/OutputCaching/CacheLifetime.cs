using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Rathausplatz.Web.OutputCaching;

/// <summary>
/// Sits behind the output cache, so it runs only while an answer is made, never for a hit. Entries live
/// until the next moment the organisation's public content changes by the clock (an alert's end, an event
/// becoming past; asked of the features) or <see cref="OutputCacheSettings.MaxAge"/>, whichever comes first.
/// The lifetime must be known before the first byte: the framework fixes it when the response starts.
/// </summary>
internal sealed class CacheLifetime(RequestDelegate next, IOptions<PublicContentOptions> content, OutputCacheSettings settings, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true } cache)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var lifetime = settings.MaxAge;
            foreach (var nextChange in content.Value.NextChanges)
                if (await nextChange(context, context.RequestAborted) is { } at && at - now < lifetime)
                    lifetime = at - now;
            if (lifetime < TimeSpan.FromSeconds(1))
                cache.AllowCacheStorage = false;
            else
                cache.ResponseExpirationTimeSpan = lifetime;
        }
        await next(context);
    }
}
