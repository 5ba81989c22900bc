using Microsoft.AspNetCore.Http.HttpResults;

namespace Rathausplatz.Features.Organizations;

/// <summary>Public facts about the organisation of this host, for apps and other municipalities' systems.</summary>
public static class OrganizationApi
{
    /// <summary>The public view of an organisation; the logo is a URL and no internal ids leak.</summary>
    public sealed record OrganizationInfo(string Name, string Slug, string? ContactEmail, string? ContactPhone, string? ContactAddress, string? LogoUrl);

    public static RouteGroupBuilder MapOrganizationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/organization", GetOrganization)
            .AllowAnonymous()
            .WithName("GetOrganization")
            .WithSummary("The municipality served at this host name.")
            .WithTags("Organisation");
        return api;
    }

    private static Ok<OrganizationInfo> GetOrganization(HttpContext context)
    {
        var org = context.Organization();
        return TypedResults.Ok(new OrganizationInfo(org.Name, org.Slug, org.ContactEmail, org.ContactPhone, org.ContactAddress,
            org.HasLogo ? "/organization/logo" : null));
    }
}
