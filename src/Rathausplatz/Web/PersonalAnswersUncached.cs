namespace Rathausplatz.Web;

/// <summary>
/// Whatever a signed-in user gets is theirs alone: no browser, proxy or service worker may keep it (a shared
/// computer's next user, the back button after signing out, the offline copy of the service worker).
/// Answers that chose their own caching header keep it.
/// </summary>
public sealed class PersonalAnswersUncached(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
            context.Response.OnStarting(() =>
            {
                if (string.IsNullOrEmpty(context.Response.Headers.CacheControl))
                    context.Response.Headers.CacheControl = "no-store, private";
                return Task.CompletedTask;
            });
        return next(context);
    }
}
