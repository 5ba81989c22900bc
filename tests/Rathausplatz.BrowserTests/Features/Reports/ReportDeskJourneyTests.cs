using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.BrowserTests.Infrastructure;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Reports;
using Xunit.Abstractions;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.BrowserTests.Features.Reports;

/// <summary>
/// The back office in Chromium: the admin puts Mia Mitarbeit into the Tiefbauamt, Mia works a report
/// off (assign, public message, done) and the reporter receives the update mail with the report's link;
/// Mia pages through a queue longer than a page and hands the report over to the Grünflächenamt.
/// </summary>
public sealed partial class ReportDeskJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Admin = "verwaltung@musterstadt.example";
    private const string Staff = "mitarbeit@musterstadt.example";

    [Fact]
    public async Task StaffWorkAReportOffAndTheReporterGetsTheUpdateMail()
    {
        await using (var admin = await app.OpenSignedInAsync(Admin, output))
        {
            var page = admin.Page;
            await page.GotoAsync("/admin/abteilungen");
            await PageChecks.CheckAsync(page, "reports-admin-departments");
            await page.GetByRole(AriaRole.Link, new() { Name = "Tiefbauamt", Exact = true }).ClickAsync();
            await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = "Mia Mitarbeit (mitarbeit@musterstadt.example)" });
            await page.Button("Mitglied hinzufügen").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Mia Mitarbeit gehört jetzt zur Abteilung.");
            await PageChecks.CheckAsync(page, "reports-admin-department");
            await page.GotoAsync("/admin/meldekategorien");
            await PageChecks.CheckAsync(page, "reports-admin-categories");
            await page.GotoAsync("/admin/meldekategorien/strassenschaden");
            await PageChecks.CheckAsync(page, "reports-admin-category");
        }
        var reporter = $"melder-{Guid.CreateVersion7():N}@example.org";
        var publicId = await SubmitVerifiedReportAsync(reporter);

        await using var staff = await app.OpenSignedInAsync(Staff, output);
        var desk = staff.Page;
        await desk.GotoAsync("/meldungen/bearbeitung");
        await Assertions.Expect(desk.Heading("Meldungen bearbeiten")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(desk, "reports-desk-queue");
        await desk.GetByRole(AriaRole.Link, new() { Name = publicId, Exact = true }).ClickAsync();
        await Assertions.Expect(desk.Heading($"Meldung {publicId}")).ToBeVisibleAsync();

        await desk.GetByLabel("Zuweisen an").SelectOptionAsync(new SelectOptionValue { Label = "Mia Mitarbeit" });
        await desk.Button("Zuweisen").ClickAsync();
        await Assertions.Expect(desk.StatusMessage()).ToContainTextAsync("Die Zuweisung ist gespeichert.");
        await desk.Field("Text").FillAsync("Der Bauhof kommt am Donnerstag.");
        await desk.Locator("#note-public").CheckAsync();
        await desk.Button("Eintrag speichern").ClickAsync();
        await Assertions.Expect(desk.StatusMessage()).ToContainTextAsync("Die Mitteilung ist veröffentlicht.");
        await desk.GetByLabel("Neuer Status").SelectOptionAsync(new SelectOptionValue { Label = "Erledigt" });
        await desk.Locator("#StatusChange_Text").FillAsync("Das Schlagloch ist verfüllt.");
        await desk.Button("Status setzen").ClickAsync();
        await Assertions.Expect(desk.StatusMessage()).ToContainTextAsync("Der Status ist gespeichert.");
        await Assertions.Expect(desk.Locator(".desk-history")).ToContainTextAsync("Das Schlagloch ist verfüllt.");
        await PageChecks.CheckAsync(desk, "reports-desk-report");
        await desk.GotoAsync("/meldungen/bearbeitung/kennzahlen");
        await PageChecks.CheckAsync(desk, "reports-desk-figures");

        // More open reports than a page holds: the queue links to the next page and back, with its filter.
        for (var i = 0; i < 55; i++)
            await SubmitVerifiedReportAsync($"weitere-{i}-{Guid.CreateVersion7():N}@example.org");
        await desk.GotoAsync("/meldungen/bearbeitung?kategorie=strassenschaden");
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("Seite 1 von 2");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Nächste Seite" }).ClickAsync();
        await Assertions.Expect(desk).ToHaveURLAsync(new Regex(@"/meldungen/bearbeitung\?kategorie=strassenschaden&seite=2$"));
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("Seite 2 von 2");
        await PageChecks.CheckAsync(desk, "reports-desk-queue-page-2");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Vorherige Seite" }).ClickAsync();
        await Assertions.Expect(desk).ToHaveURLAsync(new Regex(@"/meldungen/bearbeitung\?kategorie=strassenschaden$"));

        // Handing the report over: the Tiefbauamt's queue no longer has it.
        await desk.GotoAsync($"/meldungen/bearbeitung/{publicId}");
        await desk.GetByLabel("Abgeben an").SelectOptionAsync(new SelectOptionValue { Label = "Grünflächenamt" });
        await desk.Button("Abgeben").ClickAsync();
        await Assertions.Expect(desk.StatusMessage()).ToContainTextAsync("Die Meldung ist an „Grünflächenamt“ abgegeben.");
        await Assertions.Expect(desk).ToHaveURLAsync(new Regex(@"/meldungen/bearbeitung$"));
        await desk.GotoAsync($"/meldungen/bearbeitung/{publicId}");
        await Assertions.Expect(desk.Heading("Seite nicht gefunden")).ToBeVisibleAsync();

        var update = await app.Mail.WaitForAsync(m => m.To.ToString().Contains(reporter) && (m.TextBody ?? "").Contains("Der Bauhof kommt am Donnerstag."),
            "with the public message");
        var done = await app.Mail.WaitForAsync(m => m.To.ToString().Contains(reporter) && (m.TextBody ?? "").Contains("Neuer Status: Erledigt"),
            "with the status change");
        Assert.Matches(ReportLink(), update.TextBody!);
        Assert.Contains($"/meldungen/{publicId}", update.TextBody!);
        Assert.Contains("Das Schlagloch ist verfüllt.", done.TextBody!);
    }

    /// <summary>A report with a confirmed address in the Weststadt, as the report form (another part) stores it.</summary>
    private async Task<string> SubmitVerifiedReportAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var organization = await db.Set<Organization>().SingleAsync(o => o.Slug == DemoSeeder.Slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization.Id);
        var result = await scope.ServiceProvider.GetRequiredService<SubmitReport>().RunAsync(new SubmitReportInput
        {
            CategoryCode = "strassenschaden",
            Latitude = 51.005,
            Longitude = 9.99,
            Description = "Tiefes Schlagloch auf dem Radweg vor der Schule.",
            Email = email,
            Answers = new Dictionary<string, string[]> { ["blockiert"] = ["teilweise"] },
        }, new MailSender(organization.Name, app.BaseUrl), CancellationToken.None);
        var report = result.Report ?? throw new InvalidOperationException(string.Join(", ", result.Refusals.Select(r => r.Problem)));
        await db.Set<Report>().Where(r => r.Id == report.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterEmailVerifiedAt, app.Clock.GetUtcNow().UtcDateTime));
        return report.PublicId;
    }

    [GeneratedRegex(@"http://localhost:\d+/meldungen/[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex ReportLink();
}
