using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Reports;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Reports.Desk;

/// <summary>/admin/abteilungen, /admin/meldekategorien and /admin/meldungen: organisation admins set up who works on which reports, and how reports are taken.</summary>
public abstract class DeskAdminTests(RathausplatzApp app)
{
    [Fact]
    public async Task AnAdminSetsUpADepartmentWithAMemberAndACategoryWithAListField()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var client = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));

        var departments = await client.GetPageAsync("/admin/abteilungen");
        using var created = await departments.FormWithButton("Abteilung anlegen")
            .Set("Input.Name", "Tiefbauamt").Set("Input.ContactEmail", "tiefbau@stadt.example").SubmitAsync(client);
        var department = await client.GetPageAsync(created.RedirectTarget());
        using var added = await department.FormWithButton("Mitglied hinzufügen").Set("userId", staff.Id.ToString()).SubmitAsync(client);
        var categories = await client.GetPageAsync("/admin/meldekategorien");
        var departmentId = categories.QuerySelectorAll("#Input_DepartmentId option").Single(o => o.TextContent == "Tiefbauamt").GetAttribute("value")!;
        using var category = await categories.FormWithButton("Kategorie anlegen")
            .Set("Input.Code", "strassenbeleuchtung").Set("Input.Name", "Straßenbeleuchtung").Set("Input.Group", "Straße und Verkehr")
            .Set("Input.DepartmentId", departmentId).Set("Input.DueDays", "5").SubmitAsync(client);
        var categoryPage = await client.GetPageAsync(category.RedirectTarget());
        using var field = await categoryPage.FormWithButton("Feld speichern")
            .Set("Field.Code", "schaden").Set("Field.Label", "Was ist kaputt?").Set("Field.Datatype", "SingleValueList")
            .Set("Field.Values", "mast=Mast beschädigt\nlampe=Lampe aus").Set("Field.Required", "true").SubmitAsync(client);
        using var refusedField = await categoryPage.FormWithButton("Feld speichern")
            .Set("Field.Code", "art").Set("Field.Label", "Welche Art?").Set("Field.Datatype", "MultiValueList").Set("Field.Values", "").SubmitAsync(client);
        using var duplicate = await categories.FormWithButton("Kategorie anlegen")
            .Set("Input.Code", "strassenbeleuchtung").Set("Input.Name", "Noch einmal").SubmitAsync(client);

        Assert.Equal("/admin/meldekategorien/strassenbeleuchtung", field.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, refusedField.StatusCode);
        Assert.Contains("Eine Auswahl braucht mindestens einen Wert.", (await refusedField.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Diesen Code gibt es schon.", (await duplicate.ReadPageAsync()).ErrorMessages());
        await using var scope = app.InOrganization(organization);
        var stored = await scope.Db.Set<ReportCategory>().Include(c => c.Fields).SingleAsync(c => c.Code == "strassenbeleuchtung");
        var tiefbau = await scope.Db.Set<Department>().SingleAsync(d => d.Name == "Tiefbauamt");
        Assert.Equal(tiefbau.Id, stored.DepartmentId);
        Assert.Equal("tiefbau@stadt.example", tiefbau.ContactEmail);
        Assert.Equal(5, stored.DueDays);
        Assert.True(stored.Active);
        var schaden = Assert.Single(stored.Fields);
        Assert.True(schaden.Required);
        Assert.Equal([new ReportFieldValue("mast", "Mast beschädigt"), new ReportFieldValue("lampe", "Lampe aus")], schaden.Values);
        Assert.True(await scope.Db.Set<DepartmentMember>().AnyAsync(m => m.DepartmentId == tiefbau.Id && m.UserId == staff.Id));
    }

    [Fact]
    public async Task AnAdminRequiresAnAddressLimitsPhotosAndSetsTheAreaAndBadInputChangesNothing()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));
        const string area = """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[11,48],[12,48],[12,49],[11,49],[11,48]]]}}""";

        var page = await client.GetPageAsync("/admin/meldungen");
        using var saved = await page.FormWithButton("Einstellungen speichern")
            .Check("Input.AnonymousAllowed").Set("Input.MaxPhotos", "2").Set("Input.BoundaryGeoJson", area).SubmitAsync(client);
        var again = await client.GetPageAsync("/admin/meldungen");
        using var openRing = await again.FormWithButton("Einstellungen speichern")
            .Set("Input.BoundaryGeoJson", """{"type":"Polygon","coordinates":[[[11,48],[12,48],[12,49],[11,49]]]}""").SubmitAsync(client);
        using var tooMany = await again.FormWithButton("Einstellungen speichern").Set("Input.MaxPhotos", "11").SubmitAsync(client);
        using var notAnAdmin = await (await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff))).GetAsync("/admin/meldungen");

        Assert.Equal("/admin/meldungen", saved.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, openRing.StatusCode);
        Assert.Contains("Bitte geben Sie die Grenze als GeoJSON-Polygon oder -MultiPolygon mit geschlossenen Ringen an.", (await openRing.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("Bitte eine Zahl von 0 bis 10.", (await tooMany.ReadPageAsync()).ErrorMessages());
        Assert.True(notAnAdmin.StatusCode == HttpStatusCode.Forbidden || notAnAdmin.Headers.Location?.OriginalString.Contains("/error/403") == true);
        Assert.False(again.QuerySelector("#Input_AnonymousAllowed")!.HasAttribute("checked"));
        await using var scope = app.InOrganization(organization);
        var stored = await scope.Db.Set<ReportSettings>().AsNoTracking().SingleAsync();
        Assert.False(stored.AnonymousAllowed);
        Assert.Equal(2, stored.MaxPhotos);
        Assert.Equal("""{"type":"Polygon","coordinates":[[[11,48],[12,48],[12,49],[11,49],[11,48]]]}""", stored.BoundaryGeoJson);
    }

    [Fact]
    public async Task StaffWithoutTheAdminRoleCannotChangeDepartments()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (_, slug) = await app.CreateDepartmentAsync(organization);
        var client = await app.CreateSignedInClientAsync(staff);

        using var response = await client.GetAsync($"/admin/abteilungen/{slug}");

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/error/403") == true);
    }
}

public sealed class SqliteDeskAdminTests(SqliteApp app) : DeskAdminTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDeskAdminTests(PostgresApp app) : DeskAdminTests(app), IClassFixture<PostgresApp>;
