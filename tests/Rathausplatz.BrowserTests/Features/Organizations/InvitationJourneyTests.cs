using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Organizations;

/// <summary>Invitations by mail: a new municipality's first admin, and staff invited by a town's admin.</summary>
public sealed partial class InvitationJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task APlatformAdminCreatesAMunicipalityWhoseInvitedFirstAdminSignsInThereWithTwoFactor()
    {
        const string adminEmail = "nina.neu@neustadt.example";
        const string password = "Neustadt-Verwaltung-2026";

        // Create the municipality at a host name that resolves to this machine.
        await using (var platform = await app.OpenSignedInAsync("plattform@musterstadt.example", output))
        {
            var page = platform.Page;
            await page.GotoAsync("/platform/organizations/new");
            await page.Field("Name").FillAsync("Neustadt");
            await page.Field("Kurzbezeichnung").FillAsync("neustadt");
            await page.Field("Hostname").FillAsync("neustadt.localhost");
            await page.Field("Name der ersten Verwaltungsperson").FillAsync("Nina Neu");
            await page.Field("E-Mail der ersten Verwaltungsperson").FillAsync(adminEmail);
            await page.Button("Kommune anlegen").ClickAsync();

            await Assertions.Expect(page.Heading("Neustadt")).ToBeVisibleAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Kommune Neustadt ist angelegt.");
            await Assertions.Expect(page.Locator("#Hosts")).ToContainTextAsync("neustadt.localhost");
            await PageChecks.CheckAsync(page, "platform-organization-created");
        }

        // The invitation names the new town and links to its host name.
        var mail = await app.Mail.WaitForAsync(m => SentTo(m, adminEmail) && (m.Subject ?? "").Contains("Einladung zu Neustadt"),
            $"with subject 'Einladung zu Neustadt' to {adminEmail}");
        var link = InvitationLink(mail);
        Assert.Equal("neustadt.localhost", link.Host);
        // The app names no port (in production it is 443); in the test the town lives on the app's port.
        var neustadt = $"http://neustadt.localhost:{app.Port}";
        var url = new UriBuilder(link) { Port = app.Port }.Uri.AbsoluteUri;

        // The first admin chooses a password and signs in at the new host.
        await using var session = await app.OpenAsync(output, baseUrl: neustadt);
        var admin = session.Page;
        await admin.GotoAsync(url);
        await Assertions.Expect(admin.Heading("Willkommen! Bitte wählen Sie Ihr Passwort")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(admin, "invitation-choose-password");
        await admin.Field("Neues Passwort").FillAsync(password);
        await admin.Field("Neues Passwort wiederholen").FillAsync(password);
        await admin.Button("Passwort speichern").ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr Passwort wurde geändert.");
        await PageChecks.CheckAsync(admin, "invitation-password-chosen");

        await admin.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Anmelden" }).ClickAsync();
        await admin.Field("E-Mail-Adresse").FillAsync(adminEmail);
        await admin.Field("Passwort").FillAsync(password);
        await admin.Button("Anmelden").ClickAsync();

        // Administering a town needs two factors: the set-up comes first.
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("^" + Regex.Escape(neustadt) + "/accounts/twofactor"));
        await Assertions.Expect(admin.GetByText("Für Ihre Rolle ist die Zwei-Faktor-Anmeldung Pflicht.")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(admin, "neustadt-twofactor-required");
        var key = await admin.AuthenticatorKeyAsync();
        await admin.Field("Bestätigungscode").FillAsync(Ui.TotpCode(key));
        await admin.Button("Zwei-Faktor-Anmeldung aktivieren").ClickAsync();
        await Assertions.Expect(admin.Heading("Wiederherstellungscodes")).ToBeVisibleAsync();

        await admin.GotoAsync("/");
        await Assertions.Expect(admin.Heading("Willkommen in Neustadt")).ToBeVisibleAsync();
        await admin.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Verwaltung" }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(neustadt + "/admin");
        await Assertions.Expect(admin.Locator("main .kern-preline")).ToHaveTextAsync("Neustadt");
        await PageChecks.CheckAsync(admin, "neustadt-admin");
    }

    [Fact]
    public async Task ATownAdminInvitesAStaffMemberWhoGetsAMailWithALinkToChooseAPassword()
    {
        const string email = "erik.einladung@musterstadt.example";
        await using var session = await app.OpenSignedInAsync("verwaltung@musterstadt.example", output);
        var page = session.Page;
        await page.GotoAsync("/admin/members");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Person einladen" }).ClickAsync();

        await Assertions.Expect(page.Heading("Person einladen")).ToBeVisibleAsync();
        // Only a platform admin may hand out the platform role.
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Plattformbetrieb" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Mitarbeit" })).ToBeCheckedAsync();
        await page.Field("Name").FillAsync("Erik Einladung");
        await page.Field("E-Mail-Adresse").FillAsync(email);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Redaktion" }).CheckAsync();
        await page.Button("Einladung senden").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/admin/members");
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Erik Einladung ist eingeladen und bekommt eine E-Mail.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Mitarbeit, Redaktion");
        await PageChecks.CheckAsync(page, "admin-members-invited");

        var mail = await app.Mail.WaitForAsync(m => SentTo(m, email) && (m.Subject ?? "").Contains("Einladung zu Musterstadt"),
            $"with subject 'Einladung zu Musterstadt' to {email}");
        var link = InvitationLink(mail);
        Assert.StartsWith(app.BaseUrl + "/accounts/resetpassword?", link.AbsoluteUri);
        await page.GotoAsync(link.AbsoluteUri);
        await Assertions.Expect(page.Heading("Willkommen! Bitte wählen Sie Ihr Passwort")).ToBeVisibleAsync();
    }

    private static bool SentTo(MimeMessage mail, string address) =>
        mail.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private static Uri InvitationLink(MimeMessage mail)
    {
        var body = mail.TextBody ?? mail.HtmlBody ?? "";
        var match = ResetPasswordLink().Match(body);
        Assert.True(match.Success, $"The invitation has no link to /accounts/resetpassword:\n{body}");
        var link = new Uri(WebUtility.HtmlDecode(match.Value));
        Assert.Contains("invitation=true", link.Query);
        return link;
    }

    [GeneratedRegex(@"https?://[^\s""'<>/]+/accounts/resetpassword\?[^\s""'<>]+")]
    private static partial Regex ResetPasswordLink();
}
