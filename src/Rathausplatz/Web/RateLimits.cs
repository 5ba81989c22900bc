using System.Threading.RateLimiting;

namespace Rathausplatz.Web;

/// <summary>Named limits; pages and endpoints opt in with <c>[EnableRateLimiting(RateLimits.X)]</c>.</summary>
public static class RateLimits
{
    /// <summary>Sign-in, sign-up, password reset, confirmation mails: slows guessing and mail bombing.</summary>
    public const string Accounts = "accounts";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var permitPerMinute = builder.Configuration.GetValue("RateLimits:AccountsPerMinute", 20);
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
            o.OnRejected = async (context, ct) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync(text["Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut."], ct);
            };
        });
        return builder;
    }
}
