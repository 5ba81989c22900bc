using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.Members;

/// <summary>
/// /admin/members: an organisation admin sees and changes the roles of their own organisation's
/// accounts only, never grants platform-admin, never takes their own admin role, and invites people by mail.
/// </summary>
public abstract class MembersTests(RathausplatzApp app)
{
    [Fact]
    public async Task TheListShowsOnlyThisOrganizationsAccounts()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(a, Roles.OrganizationAdmin);
        var citizenOfA = await app.CreateUserAsync(a, Roles.Citizen);
        var citizenOfB = await app.CreateUserAsync(b, Roles.Citizen);
        var adminOfB = await app.CreateUserAsync(b, Roles.OrganizationAdmin);
        var client = await app.SignInAsync(admin);

        var page = await client.GetPageAsync("/admin/members");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(citizenOfA.Email) && r.Contains("Bürgerinnen und Bürger"));
        Assert.Contains(rows, r => r.Contains(admin.Email) && r.Contains("Verwaltung der Kommune"));
        Assert.DoesNotContain(citizenOfB.Email, page.Body!.InnerHtml);
        Assert.DoesNotContain(adminOfB.Email, page.Body!.InnerHtml);
    }

    [Fact]
    public async Task TheSearchFindsByNameOrAddress()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var someone = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(admin);

        var byAddress = await client.GetPageAsync("/admin/members?q=" + Uri.EscapeDataString(someone.Email[..12].ToUpperInvariant()));
        var byName = await client.GetPageAsync("/admin/members?q=" + Uri.EscapeDataString(someone.DisplayName));
        var nobody = await client.GetPageAsync("/admin/members?q=gibt-es-nicht");

        Assert.Equal([someone.Email], byAddress.QuerySelectorAll("tbody tr td:nth-of-type(1)").Select(c => c.TextContent));
        Assert.Equal([someone.Email], byName.QuerySelectorAll("tbody tr td:nth-of-type(1)").Select(c => c.TextContent));
        Assert.Empty(nobody.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task AnAdminChangesTheRolesOfAMember()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var member = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(admin);
        var page = await client.GetPageAsync($"/admin/members/{member.Id}");

        using var saved = await page.FormWithButton("Rollen speichern").Check("SelectedRoles", Roles.Citizen, Roles.Editor).SubmitAsync(client);
        var list = await client.GetPageAsync("/admin/members");

        Assert.Equal("/admin/members", saved.RedirectTarget());
        Assert.Equal([Roles.Citizen, Roles.Editor], (await app.FindAccountAsync(organization, member.Email))!.Roles.Order());
        Assert.Contains($"Die Rollen von {member.DisplayName} sind geändert.", list.MainText());
        Assert.DoesNotContain(page.QuerySelectorAll("input[name=SelectedRoles]"), box => box.GetAttribute("value") == Roles.PlatformAdmin);
    }

    [Fact]
    public async Task ARoleChangeReachesTheMembersSessionWithinAMinute()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var member = await app.CreateUserAsync(organization, Roles.Citizen);
        var adminClient = await app.SignInAsync(admin);
        var memberClient = await app.SignInAsync(member);
        var page = await adminClient.GetPageAsync($"/admin/members/{member.Id}");

        using var saved = await page.FormWithButton("Rollen speichern").Check("SelectedRoles", Roles.Citizen, Roles.Moderator).SubmitAsync(adminClient);
        using var atOnce = await memberClient.GetAsync("/accounts/profile");
        app.AdvanceTime(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var afterAMinute = await memberClient.GetAsync("/accounts/profile");

        Assert.Equal(HttpStatusCode.OK, atOnce.StatusCode);
        Assert.Equal("/accounts/twofactor?required=true", afterAMinute.RedirectTarget(), ignoreCase: true); // a moderator must use two factors
    }

    [Fact]
    public async Task AnOrganizationAdminCannotGrantPlatformAdmin()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var member = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(admin);
        var page = await client.GetPageAsync($"/admin/members/{member.Id}");

        using var response = await page.FormWithButton("Rollen speichern").Tamper("SelectedRoles", Roles.PlatformAdmin).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Die Rolle „Plattformbetrieb“ und die Rollen von Konten mit dieser Rolle ändern nur Plattform-Admins."],
            (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal([Roles.Citizen], (await app.FindAccountAsync(organization, member.Email))!.Roles);
    }

    [Fact]
    public async Task AnOrganizationAdminCannotChangeAPlatformAdminsRoles()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var operatorAccount = await app.CreateUserWithTwoFactorAsync(organization, Roles.PlatformAdmin);
        var client = await app.SignInAsync(admin);
        var page = await client.GetPageAsync($"/admin/members/{operatorAccount.Id}");

        using var response = await client.PostHandMadeAsync(page, $"/admin/members/{operatorAccount.Id}", ("SelectedRoles", Roles.Citizen));

        Assert.Null(page.QuerySelector("main form.section"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([Roles.PlatformAdmin], (await app.FindAccountAsync(organization, operatorAccount.Email))!.Roles);
    }

    [Fact]
    public async Task AnAdminCannotTakeTheirOwnAdminRole()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var client = await app.SignInAsync(admin);
        var page = await client.GetPageAsync($"/admin/members/{admin.Id}");

        using var response = await page.FormWithButton("Rollen speichern").Check("SelectedRoles", Roles.Staff).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Ihre eigene Verwaltungsrolle können Sie sich nicht nehmen. Bitten Sie eine andere Person mit dieser Rolle darum."],
            (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal([Roles.OrganizationAdmin], (await app.FindAccountAsync(organization, admin.Email))!.Roles);
    }

    [Fact]
    public async Task AnUnknownRoleIsRefused()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var member = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(admin);
        var page = await client.GetPageAsync($"/admin/members/{member.Id}");

        using var response = await page.FormWithButton("Rollen speichern").Tamper("SelectedRoles", "superuser").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Diese Rolle gibt es nicht."], (await response.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task AMemberOfAnotherOrganizationIsNotFound()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(a, Roles.OrganizationAdmin);
        var member = await app.CreateUserAsync(a, Roles.Citizen);
        var stranger = await app.CreateUserAsync(b, Roles.Citizen);
        var client = await app.SignInAsync(admin);
        var page = await client.GetPageAsync($"/admin/members/{member.Id}");

        using var look = await client.GetAsync($"/admin/members/{stranger.Id}");
        using var change = await client.PostHandMadeAsync(page, $"/admin/members/{stranger.Id}", ("SelectedRoles", Roles.OrganizationAdmin));

        Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal([Roles.Citizen], (await app.FindAccountAsync(b, stranger.Email))!.Roles);
    }

    [Fact]
    public async Task AnInvitedPersonChoosesAPasswordFromTheMailAndSignsIn()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var client = await app.SignInAsync(admin);
        var email = Unique.Name("neu") + "@example.org";
        var page = await client.GetPageAsync("/admin/members/invite");

        using var invited = await page.FormWithButton("Einladung senden")
            .Set("Input.DisplayName", "Rita Redaktion")
            .Set("Input.Email", email)
            .Check("SelectedRoles", Roles.Editor)
            .SubmitAsync(client);
        await app.RunJobsUntilIdleAsync();
        var mail = Assert.Single(app.Mail.MessagesTo(email));
        var before = await app.FindAccountAsync(organization, email);
        var invitee = app.CreateClient(organization);
        var choose = await invitee.GetPageAsync(mail.Link().PathAndQuery);
        using var chosen = await choose.Form("main form").Set("Input.Password", RathausplatzApp.Password).Set("Input.ConfirmPassword", RathausplatzApp.Password).SubmitAsync(invitee);
        using var signedIn = await invitee.SubmitSignInAsync(email, RathausplatzApp.Password);
        using var firstPage = await invitee.GetAsync("/");

        Assert.Equal("/admin/members", invited.RedirectTarget());
        Assert.Equal($"Einladung zu {organization.Name} – {organization.Name}", mail.Subject);
        Assert.Equal($"https://{organization.Host}/accounts/resetpassword", mail.Link().GetLeftPart(UriPartial.Path));
        Assert.Equal((false, "Rita Redaktion"), (before!.EmailConfirmed, before.DisplayName));
        Assert.Equal([Roles.Editor], before.Roles);
        Assert.Equal("Willkommen! Bitte wählen Sie Ihr Passwort", choose.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.True((await app.FindAccountAsync(organization, email))!.EmailConfirmed);
        Assert.Equal("/", signedIn.RedirectTarget());
        Assert.Equal("/accounts/twofactor?required=true", firstPage.RedirectTarget(), ignoreCase: true); // an editor must set up two factors
    }

    [Fact]
    public async Task InvitingAnAddressThatHasAnAccountIsRefused()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var existing = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(admin);
        var page = await client.GetPageAsync("/admin/members/invite");

        using var response = await page.FormWithButton("Einladung senden")
            .Set("Input.DisplayName", "Noch Einmal")
            .Set("Input.Email", existing.Email)
            .SubmitAsync(client);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Zu dieser E-Mail-Adresse gibt es schon ein Konto. Ändern Sie dort die Rollen."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Empty(app.Mail.MessagesTo(existing.Email));
        Assert.Equal([Roles.Citizen], (await app.FindAccountAsync(organization, existing.Email))!.Roles);
    }

    [Fact]
    public async Task AnOrganizationAdminCannotInviteAPlatformAdmin()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var client = await app.SignInAsync(admin);
        var email = Unique.Name("neu") + "@example.org";
        var page = await client.GetPageAsync("/admin/members/invite");

        using var response = await page.FormWithButton("Einladung senden")
            .Set("Input.DisplayName", "Max Macht")
            .Set("Input.Email", email)
            .Tamper("SelectedRoles", Roles.PlatformAdmin)
            .SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await app.FindAccountAsync(organization, email));
    }
}

public sealed class SqliteMembersTests(SqliteApp app) : MembersTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMembersTests(PostgresApp app) : MembersTests(app), IClassFixture<PostgresApp>;
