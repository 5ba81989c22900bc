using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Reports;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Tests.Support;

/// <summary>Departments, categories and reports for the back-office tests.</summary>
public abstract partial class RathausplatzApp
{
    public async Task<(Guid Id, string Slug)> CreateDepartmentAsync(TestOrganization organization, string? name = null, params TestUser[] members)
    {
        await using var scope = InOrganization(organization);
        var department = new Department { Name = name ?? Unique.Name("Amt"), Slug = Unique.Name("amt"), CreatedAt = Now };
        scope.Db.Add(department);
        foreach (var member in members)
            scope.Db.Add(new DepartmentMember { DepartmentId = department.Id, UserId = member.Id, AddedAt = Now });
        await scope.Db.SaveChangesAsync();
        return (department.Id, department.Slug);
    }

    /// <summary>A category routed to <paramref name="departmentId"/>; returns its id and code.</summary>
    public async Task<(Guid Id, string Code)> CreateReportCategoryAsync(TestOrganization organization, Guid? departmentId, int? dueDays = 14,
        string? name = null)
    {
        await using var scope = InOrganization(organization);
        var category = new ReportCategory
        {
            Code = Unique.Name("cat"), Name = name ?? Unique.Name("Kategorie"), DepartmentId = departmentId, DueDays = dueDays,
            CreatedAt = Now, UpdatedAt = Now,
        };
        scope.Db.Add(category);
        await scope.Db.SaveChangesAsync();
        return (category.Id, category.Code);
    }

    /// <summary>A report through the real use case; with <paramref name="email"/> its address counts as confirmed.</summary>
    public async Task<(Guid Id, string PublicId)> SubmitReportAsync(TestOrganization organization, string categoryCode, string? email = null,
        string language = "de", double latitude = 51.005, double longitude = 10.005, IReadOnlyList<byte[]>? photos = null)
    {
        await using var scope = InOrganization(organization);
        var result = await scope.Get<SubmitReport>().RunAsync(new SubmitReportInput
        {
            CategoryCode = categoryCode,
            Latitude = latitude,
            Longitude = longitude,
            Description = "Ein tiefes Schlagloch vor dem Haus Nummer 5.",
            Email = email,
            Language = language,
            Photos = (photos ?? []).Select(p => new PhotoUpload(new MemoryStream(p))).ToList(),
        }, new MailSender(organization.Name, $"https://{organization.Host}"), CancellationToken.None);
        if (result.Report is not { } report)
            throw new InvalidOperationException("Report refused: " + string.Join(", ", result.Refusals.Select(r => r.Problem)));
        if (email is not null)
        {
            await scope.Db.Set<Report>().Where(r => r.Id == report.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterEmailVerifiedAt, Now));
            // The confirmation mail of the submission is not what these tests are about.
            await scope.Db.Set<Rathausplatz.Jobs.Job>().Where(j => j.OrganizationId == organization.Id && j.State == Rathausplatz.Jobs.JobState.Pending)
                .ExecuteDeleteAsync();
        }
        return (report.Id, report.PublicId);
    }

    public async Task<Report> FindReportAsync(TestOrganization organization, Guid id)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<Report>().AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public async Task<List<ReportUpdate>> ReportHistoryAsync(TestOrganization organization, Guid id)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<ReportUpdate>().AsNoTracking().Where(u => u.ReportId == id).OrderBy(u => u.At).ThenBy(u => u.Id).ToListAsync();
    }
}
