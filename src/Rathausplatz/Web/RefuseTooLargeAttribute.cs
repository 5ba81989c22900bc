using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Rathausplatz.Web;

/// <summary>
/// Answers 413 when the announced Content-Length is over the request size limit, before anything reads
/// the body. Put it beside <c>[RequestSizeLimit]</c> on upload pages: on its own that limit surfaces
/// inside the antiforgery check, which reads the form first and turns "too large" into a plain 400.
/// A body without Content-Length (chunked) still stops at the limit, then with that 400.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefuseTooLargeAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    // After RequestSizeLimit's filter (900) has set the limit, before antiforgery (1000) reads the form.
    public int Order => 950;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var limit = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (context.HttpContext.Request.ContentLength > limit)
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }
}
