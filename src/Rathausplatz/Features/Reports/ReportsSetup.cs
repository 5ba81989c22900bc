using Rathausplatz.Features.Reports.Public;
using Rathausplatz.Features.Reports.Open311;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Reports;

public static class ReportsSetup
{
    /// <summary>Report submissions and "me too"s: a person sends a few; a script in a loop is stopped.</summary>
    public const string SubmitRateLimit = "report-submissions";

    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReportArea>();
        builder.Services.AddScoped<ReportTokens>();
        builder.Services.AddScoped<ReportMails>();
        builder.Services.AddScoped<SubmitReport>();
        builder.Services.AddScoped<PublicReports>();
        builder.Services.AddScoped<SupportReport>();
        builder.Services.AddScoped<ConfirmReporterEmail>();
        builder.AddOpen311();
        // What the report pages, the map data and the Open311 GETs show: a save that changes any of it evicts the
        // organisation's cached public pages (docs/reports.md, "Caching"). Supports change the count on the report
        // in SQL; the support row beside it brings the eviction. Departments are Open311's agency_responsible.
        builder.Services.AddPublicContent(o => o
            .EvictOnChangeOf<Report>(r => r.OrganizationId)
            .EvictOnChangeOf<ReportUpdate>(u => u.OrganizationId)
            .EvictOnChangeOf<ReportPhoto>(p => p.OrganizationId)
            .EvictOnChangeOf<ReportSupport>(s => s.OrganizationId)
            .EvictOnChangeOf<ReportCategory>(c => c.OrganizationId)
            .EvictOnChangeOf<ReportCategoryField>(f => f.OrganizationId)
            .EvictOnChangeOf<ReportSettings>(s => s.OrganizationId)
            .EvictOnChangeOf<Department>(d => d.OrganizationId));

        builder.AddPostsPerClientLimit(SubmitRateLimit, "ReportsPerMinute", 10);
        return builder;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapReportsMapApi();
        app.MapOpen311();
        return app;
    }
}
