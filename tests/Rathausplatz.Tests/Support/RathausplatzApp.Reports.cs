using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Reports;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>The demo town's districts: one square around 10.005 E, 51.005 N (and none elsewhere).</summary>
    public const string ReportDistrict = """{"type":"Polygon","coordinates":[[[10.0,51.0],[10.01,51.0],[10.01,51.01],[10.0,51.01],[10.0,51.0]]]}""";

    public static readonly MailSender TestSender = new("Teststadt", "https://test.example");

    /// <summary>An active category (its code is returned) routed to <paramref name="departmentId"/>, with the given extra fields.</summary>
    public async Task<string> AddReportCategoryAsync(TestOrganization organization, string name = "Straßenschaden", Guid? departmentId = null,
        int? dueDays = 14, bool active = true, params ReportCategoryField[] fields)
    {
        await using var scope = InOrganization(organization);
        var category = new ReportCategory
        {
            Code = Unique.Name("cat"), Name = name, DepartmentId = departmentId, DueDays = dueDays, Active = active,
            CreatedAt = Now, UpdatedAt = Now, Fields = [.. fields],
        };
        scope.Db.Add(category);
        await scope.Db.SaveChangesAsync();
        return category.Code;
    }

    public async Task SetReportSettingsAsync(TestOrganization organization, bool anonymousAllowed = true, int maxPhotos = 3, string? boundary = null)
    {
        await using var scope = InOrganization(organization);
        var settings = await scope.Db.Set<ReportSettings>().FirstOrDefaultAsync();
        if (settings is null)
            scope.Db.Add(settings = new ReportSettings());
        settings.AnonymousAllowed = anonymousAllowed;
        settings.MaxPhotos = maxPhotos;
        settings.BoundaryGeoJson = boundary;
        await scope.Db.SaveChangesAsync();
    }

    public async Task<SubmitReportResult> SubmitReportAsync(TestOrganization organization, SubmitReportInput input)
    {
        await using var scope = InOrganization(organization);
        return await scope.Get<SubmitReport>().RunAsync(input, TestSender, CancellationToken.None);
    }

    /// <summary>A report as stored, with its history and photos, as the back office would read it.</summary>
    public async Task<(Report Report, List<ReportUpdate> History, List<ReportPhoto> Photos)> FindReportAsync(TestOrganization organization, string publicId)
    {
        await using var scope = InOrganization(organization);
        var report = await scope.Db.Set<Report>().AsNoTracking().SingleAsync(r => r.PublicId == publicId);
        var history = await scope.Db.Set<ReportUpdate>().AsNoTracking().Where(u => u.ReportId == report.Id).OrderBy(u => u.At).ToListAsync();
        var photos = await scope.Db.Set<ReportPhoto>().AsNoTracking().Include(p => p.Variants).Where(p => p.ReportId == report.Id)
            .OrderBy(p => p.Position).ToListAsync();
        return (report, history, photos);
    }
}
