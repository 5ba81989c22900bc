using Rathausplatz.Data;

namespace Rathausplatz.Features.Organizations;

/// <summary>Chooses the organisation by host name for each request and scopes the database to it.</summary>
public sealed class TenantResolution(RequestDelegate next)
{
    // Paths that work without an organisation: load balancers probe them by IP.
    private static readonly PathString[] HostIndependent = ["/health", "/metrics"];

    public async Task InvokeAsync(HttpContext context, OrganizationDirectory directory, TenantContext tenant, IStringLocalizer<SharedResource> text)
    {
        if (HostIndependent.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next(context);
            return;
        }

        var organization = await directory.FindByHostAsync(context.Request.Host.Host, context.RequestAborted);
        if (organization is null)
        {
            // Unknown host: plain, localised 404 without the layout (there is no organisation to show).
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var title = System.Net.WebUtility.HtmlEncode(text["Unbekannte Adresse"]);
            var message = System.Net.WebUtility.HtmlEncode(text["Unter dieser Adresse ist keine Kommune eingerichtet."]);
            await context.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main><h1>{title}</h1><p>{message}</p></main></body></html>");
            return;
        }

        tenant.Enter(organization.Id);
        context.Features.Set(organization);
        await next(context);
    }
}

public static class OrganizationHttpContextExtensions
{
    /// <summary>The organisation of this request; only host-independent paths have none.</summary>
    public static OrganizationSummary Organization(this HttpContext context) =>
        context.Features.Get<OrganizationSummary>()
        ?? throw new InvalidOperationException("This request has no organisation.");
}
