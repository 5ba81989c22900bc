using Rathausplatz.Data;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Organizations;

public static class OrganizationsSetup
{
    public static WebApplicationBuilder AddOrganizations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrganizationDirectory>();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<ManageOrganizations>();
        builder.Services.AddScoped<ChangeHostNames>();
        builder.Services.AddScoped<AddToStructure>();
        // Name, colours, contact, legal texts, hosts, districts and topics show on every public page.
        builder.Services.AddPublicContent(o => o
            .EvictOnChangeOf<Organization>(org => org.Id)
            .EvictOnChangeOf<OrganizationHost>(host => host.OrganizationId)
            .EvictOnChangeOf<District>(district => district.OrganizationId)
            .EvictOnChangeOf<Topic>(topic => topic.OrganizationId));
        return builder;
    }

    public static WebApplication UseOrganizations(this WebApplication app)
    {
        app.UseMiddleware<TenantResolution>();
        return app;
    }

    public static WebApplication MapOrganizations(this WebApplication app)
    {
        app.MapGet("/organization/logo", async (HttpContext context, AppDb db) =>
            {
                var id = context.Organization().Id;
                var logo = await db.Set<Organization>().Where(o => o.Id == id)
                    .Select(o => new { o.Logo, o.LogoContentType }).AsNoTracking().SingleAsync();
                return logo.Logo is null ? Results.NotFound() : Results.File(logo.Logo, logo.LogoContentType);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGroup("/api/v1").MapOrganizationApi();
        return app;
    }
}
