using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>What the output cache decided for the answers the app made (not for those it served from cache).</summary>
    public PageCacheRecorder PageCache { get; } = new();

    /// <summary>Empties the public page cache, as entries running out would.</summary>
    public void ForgetCachedPages() =>
        Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.AllTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// A base output cache policy only the tests add: it changes nothing and notes, per path, the lifetime the
/// app chose for the last answer it made. Served-from-cache answers carry the standard <c>Age</c> header.
/// </summary>
public sealed class PageCacheRecorder : IOutputCachePolicy
{
    private readonly Dictionary<string, TimeSpan?> lifetimes = [];

    public TimeSpan? LifetimeOf(string path)
    {
        lock (lifetimes)
            return lifetimes.TryGetValue(path, out var lifetime) ? lifetime : throw new InvalidOperationException($"The app made no answer for {path}.");
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        lock (lifetimes)
            lifetimes[context.HttpContext.Request.Path.Value ?? ""] = context.AllowCacheStorage ? context.ResponseExpirationTimeSpan : null;
        return ValueTask.CompletedTask;
    }
}
