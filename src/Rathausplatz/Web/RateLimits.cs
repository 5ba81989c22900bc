using System.Threading.RateLimiting;

namespace Rathausplatz.Web;

/// <summary>Named limits; pages and endpoints opt in with <c>[EnableRateLimiting(RateLimits.X)]</c>.</summary>
public static class RateLimits
{
    /// <summary>Sign-in, sign-up, password reset, confirmation mails: slows guessing and mail bombing.</summary>
    public const string Accounts = "accounts";

    /// <summary>
    /// Anonymous reads that cost a query each (the JSON API): generous for apps and harvesters, a wall
    /// for scrapers in a loop. Counted per client address and host name, so one town's load does not
    /// lock the same client out of another town.
    /// </summary>
    public const string PublicReads = "public-reads";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var permitPerMinute = builder.Configuration.GetValue("RateLimits:AccountsPerMinute", 20);
        var readsPerMinute = builder.Configuration.GetValue("RateLimits:PublicReadsPerMinute", 300);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Accounts, context =>
            {
                // Only the posts count: showing a form is free, submitting it is limited.
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                    return RateLimitPartition.GetNoLimiter("read");
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.AddPolicy(PublicReads, context => RateLimitPartition.GetFixedWindowLimiter(
                $"{context.Connection.RemoteIpAddress}|{context.Request.Host.Host}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = readsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var text = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
                http.Response.Headers.RetryAfter = "60";
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                        title: text["Zu viele Anfragen. Bitte warten Sie eine Minute."]).ExecuteAsync(http);
                    return;
                }
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(text["Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut."], ct);
            };
        });
        return builder;
    }

    /// <summary>
    /// A policy for a feature's public forms: posts only (showing a form or page is free), counted per client
    /// address and host name, so one town's visitors do not use up another's; <paramref name="setting"/> under
    /// <c>RateLimits</c> overrides <paramref name="defaultPerMinute"/>. The limiter runs before authentication,
    /// so it cannot count per account.
    /// </summary>
    public static WebApplicationBuilder AddPostsPerClientLimit(this WebApplicationBuilder builder, string policy, string setting, int defaultPerMinute)
    {
        var perMinute = builder.Configuration.GetValue($"RateLimits:{setting}", defaultPerMinute);
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(policy, context =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                return RateLimitPartition.GetNoLimiter("read");
            return RateLimitPartition.GetFixedWindowLimiter($"{context.Connection.RemoteIpAddress}|{context.Request.Host.Host}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return builder;
    }
}
