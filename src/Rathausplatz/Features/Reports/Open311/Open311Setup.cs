using System.Threading.RateLimiting;

namespace Rathausplatz.Features.Reports.Open311;

public static class Open311Setup
{
    /// <summary>Posts through Open311 per client address (and host); the per-key limit is <see cref="Open311KeyLimiter"/>.</summary>
    public const string SubmitRateLimit = "open311-submissions";

    public static WebApplicationBuilder AddOpen311(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FindServiceRequests>();
        builder.Services.AddScoped<ManageOpen311Clients>();
        builder.Services.AddSingleton<Open311KeyLimiter>();

        // An app's server may send all its users' reports from one address, so this is higher than the web form's limit.
        var perAddress = builder.Configuration.GetValue("RateLimits:Open311PostsPerMinutePerAddress", 60);
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(SubmitRateLimit, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
                return RateLimitPartition.GetNoLimiter("read");
            return RateLimitPartition.GetFixedWindowLimiter($"{context.Connection.RemoteIpAddress}|{context.Request.Host.Host}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        // The platform's rejection answers HTML pages in text and /api in problem details; Open311 clients expect
        // the specification's error list, in the format they asked for. Wrapped here so Web knows no feature.
        builder.Services.PostConfigure<RateLimiterOptions>(o =>
        {
            var platform = o.OnRejected;
            o.OnRejected = (context, ct) => context.HttpContext.Request.Path.StartsWithSegments(Open311Api.BasePath)
                ? new ValueTask(Open311Api.WriteTooManyRequestsAsync(context.HttpContext))
                : platform?.Invoke(context, ct) ?? ValueTask.CompletedTask;
        });
        return builder;
    }

    public static WebApplication MapOpen311(this WebApplication app)
    {
        app.MapOpen311Api();
        return app;
    }
}

/// <summary>
/// Posts per API key and minute, across all addresses: one client application cannot flood the back office,
/// whichever servers it posts from. In memory per node (like the platform's limiters).
/// </summary>
public sealed class Open311KeyLimiter(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter = PartitionedRateLimiter.Create<Guid, Guid>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("RateLimits:Open311PostsPerMinutePerKey", 120),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(Guid client)
    {
        using var lease = limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
