using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// [RequestSizeLimit] with the configured size (an attribute argument must be a constant). Runs where that
/// attribute's filter runs, before [RefuseTooLarge] compares the announced length with it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DocumentUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    /// <summary>How many files the page's form takes.</summary>
    public int Files { get; set; } = 1;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.RequestLimitFor(Files);
    }
}
