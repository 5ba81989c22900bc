using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// Spaces through their forms, as a browser without script uses them: creating, joining, asking and deciding,
/// inviting an external guest by mail, roles, and the rule that a space always keeps an owner.
/// </summary>
public abstract class SpaceTests(RathausplatzApp app)
{
    private async Task<(TestOrganization Org, TestUser Owner, HttpClient Client)> OwnerAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        return (org, owner, await app.CreateSignedInClientAsync(owner));
    }

    [Fact]
    public async Task StaffCreateASpaceAndBecomeItsOwner()
    {
        var (_, owner, client) = await OwnerAsync();
        var form = await client.GetPageAsync("/intranet/raeume/neu");

        using var refused = await form.Form().Set("Title", "").Set("Description", new string('x', Space.MaxDescription + 1)).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Bitte geben Sie einen Titel an.", "Die Beschreibung darf höchstens 4000 Zeichen lang sein."], (await refused.ReadPageAsync()).ErrorMessages());

        using var created = await form.Form().Set("Title", "Digitale Verwaltung").Set("Description", "Wir teilen, was klappt.")
            .Check("Kind", nameof(SpaceKind.CompetenceCentre)).Check("Policy", nameof(JoinPolicy.OnRequest)).SubmitAsync(client);
        var path = created.RedirectTarget();
        var page = await client.GetPageAsync(path);
        Assert.Equal("Digitale Verwaltung", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Kompetenzzentrum", page.MainText());
        Assert.Contains("Beitritt auf Anfrage", page.MainText());
        var space = new TestSpace(Guid.Parse(path.Split('/').Last()), "Digitale Verwaltung", owner.Organization);
        Assert.Equal(SpaceRole.Owner, await app.SpaceRoleAsync(space, owner));
    }

    [Fact]
    public async Task StaffJoinAnOpenSpaceAndAskToJoinOneThatOwnersDecide()
    {
        var (org, owner, ownerClient) = await OwnerAsync();
        var open = await app.CreateSpaceAsync(owner, JoinPolicy.Open);
        var onRequest = await app.CreateSpaceAsync(owner, JoinPolicy.OnRequest);
        var colleague = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var declined = await app.CreateUserWithTwoFactorAsync(org, Roles.Moderator);
        var client = await app.CreateSignedInClientAsync(colleague);

        using var joined = await (await client.GetPageAsync(open.Path)).FormWithButton("Beitreten").SubmitAsync(client);
        Assert.Equal(open.Path, joined.RedirectTarget());
        Assert.Equal(SpaceRole.Member, await app.SpaceRoleAsync(open, colleague));

        var closed = await client.GetPageAsync(onRequest.Path);
        Assert.Empty(closed.QuerySelectorAll(".stream-list, form[action*='handler=Post']"));
        using var asked = await closed.FormWithButton("Beitritt anfragen").SubmitAsync(client);
        Assert.Contains("Ihre Anfrage liegt den Verantwortlichen vor.", (await client.GetPageAsync(asked.RedirectTarget())).MainText());
        var otherClient = await app.CreateSignedInClientAsync(declined);
        using var _ = await (await otherClient.GetPageAsync(onRequest.Path)).FormWithButton("Beitritt anfragen").SubmitAsync(otherClient);

        var members = await ownerClient.GetPageAsync(onRequest.MembersPath);
        var requests = members.QuerySelectorAll("#requests-heading ~ .member-list .member-card");
        Assert.Equal(2, requests.Length);
        using var approved = await members.FormWithButton($"Annehmen ({colleague.DisplayName})").SubmitAsync(ownerClient);
        Assert.Equal(onRequest.MembersPath, approved.RedirectTarget());
        members = await ownerClient.GetPageAsync(onRequest.MembersPath);
        using var declinedAnswer = await members.FormWithButton($"Ablehnen ({declined.DisplayName})").SubmitAsync(ownerClient);

        Assert.Equal(SpaceRole.Member, await app.SpaceRoleAsync(onRequest, colleague));
        Assert.Null(await app.SpaceRoleAsync(onRequest, declined));
        Assert.Contains("Keine offenen Anfragen.", (await ownerClient.GetPageAsync(onRequest.MembersPath)).MainText());
        Assert.NotNull((await client.GetPageAsync(onRequest.Path)).QuerySelector("form[action*='handler=Post']"));
    }

    [Fact]
    public async Task AnInvitedGuestChoosesAPasswordAndSeesOnlyTheirSpace()
    {
        var (org, owner, ownerClient) = await OwnerAsync();
        var project = await app.CreateSpaceAsync(owner, JoinPolicy.InvitationOnly, title: "Projekt Stadtpark");
        var elsewhere = await app.CreateSpaceAsync(owner, JoinPolicy.Open, title: "Kantine");
        var email = Unique.Name("verein") + "@example.org";

        var members = await ownerClient.GetPageAsync(project.MembersPath);
        using var invited = await members.FormWithButton("Gast einladen").Set("GuestName", "Gärtnerverein").Set("GuestEmail", email).SubmitAsync(ownerClient);
        Assert.Equal(project.MembersPath, invited.RedirectTarget());
        await app.RunJobsUntilIdleAsync();
        var mail = Assert.Single(app.Mail.MessagesTo(email));

        var guest = app.CreateClient(org);
        var choose = await guest.GetPageAsync(mail.Link().PathAndQuery);
        using var chosen = await choose.Form("main form").Set("Input.Password", RathausplatzApp.Password).Set("Input.ConfirmPassword", RathausplatzApp.Password).SubmitAsync(guest);
        using var signedIn = await guest.SubmitSignInAsync(email, RathausplatzApp.Password);
        Assert.Equal("/", signedIn.RedirectTarget());

        var account = (await app.FindAccountAsync(org, email))!;
        Assert.Equal([Roles.Guest], account.Roles);
        var list = await guest.GetPageAsync("/intranet/raeume");
        Assert.Equal(["Projekt Stadtpark"], list.QuerySelectorAll(".space-card h3").Select(h => h.TextContent.Trim()));
        Assert.Null(list.QuerySelector("a[href='/intranet/raeume/neu']"));
        using var hidden = await guest.GetAsync(elsewhere.Path);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        var page = await guest.GetPageAsync(project.Path);
        using var posted = await page.Form("form[action*='handler=Post']").Set("Body", "Wir bringen die Setzlinge mit.").SubmitAsync(guest);
        Assert.Contains("Wir bringen die Setzlinge mit.", (await ownerClient.GetPageAsync(project.Path)).MainText());
        Assert.Contains("Gast", (await ownerClient.GetPageAsync(project.MembersPath)).MainText());
    }

    [Fact]
    public async Task ASpaceAlwaysKeepsAnOwner()
    {
        var (org, owner, client) = await OwnerAsync();
        var space = await app.CreateSpaceAsync(owner);
        var colleague = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var guest = await app.CreateUserAsync(org, Roles.Guest);
        await app.AddToSpaceAsync(space, colleague, SpaceRole.Member);
        await app.AddToSpaceAsync(space, guest, SpaceRole.Guest);
        const string LastOwner = "Ein Raum braucht mindestens eine verantwortliche Person. Bestimmen Sie zuerst eine weitere.";

        // The last owner is not offered "Raum verlassen"; a hand-made request is refused all the same.
        var spacePage = await client.GetPageAsync(space.Path);
        Assert.Null(spacePage.QuerySelector("form[action*='handler=Leave']"));
        using var leave = await client.PostHandMadeAsync(spacePage, space.Path + "?handler=Leave");
        Assert.Equal(HttpStatusCode.BadRequest, leave.StatusCode);
        Assert.Equal([LastOwner], (await leave.ReadPageAsync()).ErrorMessages());
        var members = await client.GetPageAsync(space.MembersPath);
        using var demote = await members.FormWithButton($"Rolle ändern ({owner.DisplayName})").Set("role", nameof(SpaceRole.Member)).SubmitAsync(client);
        Assert.Equal([LastOwner], (await demote.ReadPageAsync()).ErrorMessages());
        using var remove = await members.FormWithButton($"Entfernen ({owner.DisplayName})").SubmitAsync(client);
        Assert.Equal([LastOwner], (await remove.ReadPageAsync()).ErrorMessages());
        using var guestAsOwner = await members.FormWithButton($"Rolle ändern ({guest.DisplayName})").Set("role", nameof(SpaceRole.Owner)).SubmitAsync(client);
        Assert.Equal(["Externe Gäste können in Räumen nur Gast sein."], (await guestAsOwner.ReadPageAsync()).ErrorMessages());

        using var promoted = await members.FormWithButton($"Rolle ändern ({colleague.DisplayName})").Set("role", nameof(SpaceRole.Owner)).SubmitAsync(client);
        Assert.Equal(space.MembersPath, promoted.RedirectTarget());
        using var left = await (await client.GetPageAsync(space.Path)).FormWithButton("Raum verlassen").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);

        Assert.Equal((SpaceRole?)SpaceRole.Owner, await app.SpaceRoleAsync(space, colleague));
        Assert.Null(await app.SpaceRoleAsync(space, owner));
        Assert.Equal((SpaceRole?)SpaceRole.Guest, await app.SpaceRoleAsync(space, guest));
    }
}

public sealed class SqliteSpaceTests(SqliteApp app) : SpaceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSpaceTests(PostgresApp app) : SpaceTests(app), IClassFixture<PostgresApp>;
