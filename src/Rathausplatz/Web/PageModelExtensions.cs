namespace Rathausplatz.Web;

public static class PageModelExtensions
{
    /// <summary>
    /// Shows the form again with its messages and answers 400, so clients and tests can tell a
    /// refused submission from an accepted one.
    /// </summary>
    public static PageResult PageWithErrors(this PageModel page)
    {
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }

    /// <summary>Only paths of this site: anything else (another host, "//x", "/\x") goes home.</summary>
    public static string LocalOrHome(this PageModel page, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    /// <summary>The cookie that carries TempData (the framework's default name).</summary>
    public const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>A one-time message for the next page (post/redirect/get).</summary>
    public static void Flash(this PageModel page, string message) => page.TempData["Status"] = message;
}
