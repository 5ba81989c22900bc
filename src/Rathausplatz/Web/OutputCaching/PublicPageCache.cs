using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rathausplatz.Web.OutputCaching;

/// <summary>
/// Output caching of what anonymous visitors see (home, lists, articles, legal pages, feeds). Entries vary by
/// host, organisation, interface language and query; each carries its organisation's tag, and
/// <see cref="EvictOnContentChange"/> evicts that tag after any save that changes what those pages show.
/// A time limit covers what changes by the clock alone (<see cref="CacheLifetime"/>). See docs/newsroom.md, "Caching".
/// </summary>
public static class PublicPageCache
{
    /// <summary>The policy name for <c>[OutputCache(PolicyName = …)]</c> and <c>CacheOutput(…)</c>.</summary>
    public const string Policy = "public";

    /// <summary>Every entry carries it: evicting it empties the public cache.</summary>
    public const string AllTag = "public";

    public static string OrganizationTag(Guid organizationId) => $"public:{organizationId:N}";

    public static WebApplicationBuilder AddPublicPageCache(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OutputCacheSettings.Section).Get<OutputCacheSettings>() ?? new();
        builder.Services.AddSingleton(settings);
        builder.Services.AddOutputCache(o =>
        {
            o.DefaultExpirationTimeSpan = settings.MaxAge;
            o.AddPolicy(Policy, b => b.AddPolicy<PublicPagePolicy>());
        });
        // The Redis store replaces the in-memory one (it registers IOutputCacheStore itself): several nodes
        // then share entries and evictions. Without it each node keeps its own entries, which only
        // that node evicts; the others show a change after at most MaxAge.
        if (!string.IsNullOrWhiteSpace(settings.Redis))
            builder.Services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = settings.Redis;
                o.InstanceName = settings.RedisInstanceName;
            });
        builder.Services.AddSingleton<PublicPagePolicy>();
        PublicAnswerCompression.AddTo(builder.Services);
        builder.Services.AddSingleton<IInterceptor, EvictOnContentChange>();
        return builder;
    }

    /// <summary>What a feature's entities and clock mean for the public cache (see <see cref="PublicContentOptions"/>).</summary>
    public static IServiceCollection AddPublicContent(this IServiceCollection services, Action<PublicContentOptions> configure) =>
        services.Configure(configure);

    /// <summary>
    /// After routing (endpoint policies), authentication (signed-in users are never served or stored),
    /// localisation and the organisation (both part of the key).
    /// </summary>
    public static WebApplication UsePublicPageCache(this WebApplication app)
    {
        app.UseOutputCache();
        // Inside the cache, so entries hold the compressed bytes.
        app.UseResponseCompression();
        // Runs only when a response is being made (not for a cache hit): sets its lifetime.
        app.UseMiddleware<CacheLifetime>();
        return app;
    }
}

/// <summary>Settings under <c>OutputCache</c>.</summary>
public sealed class OutputCacheSettings
{
    public const string Section = "OutputCache";

    /// <summary>
    /// The longest an entry lives. It bounds what no save announces: a node without a shared store that
    /// did not see the change, or a boundary no feature reported. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>StackExchange.Redis configuration string (e.g. <c>redis.internal:6379</c>); empty means in memory.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of the keys in Redis, so several installations can share a server.</summary>
    public string RedisInstanceName { get; set; } = "rathausplatz:";
}

/// <summary>
/// Features say which of their entities show on public pages (a save changing one evicts the
/// organisation's pages) and when their content next changes by the clock alone.
/// </summary>
public sealed class PublicContentOptions
{
    internal Dictionary<Type, PublicEntity> Entities { get; } = [];

    internal List<Func<HttpContext, CancellationToken, Task<DateTime?>>> NextChanges { get; } = [];

    /// <summary>
    /// A change of a <typeparamref name="T"/> evicts the pages of the organisation <paramref name="organizationOf"/>
    /// names; where it names none (owned texts, say), that of the saving scope, else all organisations'.
    /// Where <paramref name="when"/> is given, only changes of rows it holds for evict (the rest show on no public page).
    /// </summary>
    public PublicContentOptions EvictOnChangeOf<T>(Func<T, Guid?> organizationOf, Func<T, bool>? when = null) where T : class
    {
        Entities[typeof(T)] = new(e => organizationOf((T)e), e => when?.Invoke((T)e) ?? true);
        return this;
    }

    /// <summary>
    /// The next moment (UTC, by the app's clock) at which public pages of the request's organisation change
    /// without a save: an alert runs out, an event becomes past. Entries live no longer than that.
    /// </summary>
    public PublicContentOptions LimitLifetimeBy(Func<HttpContext, CancellationToken, Task<DateTime?>> nextChange)
    {
        NextChanges.Add(nextChange);
        return this;
    }
}

/// <summary>An entity shown on public pages: whose pages a change evicts, and whether this row's change matters at all.</summary>
internal sealed record PublicEntity(Func<object, Guid?> OrganizationOf, Func<object, bool> Shows);
