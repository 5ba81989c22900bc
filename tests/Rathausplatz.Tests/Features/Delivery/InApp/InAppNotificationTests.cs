using System.Net;
using Microsoft.EntityFrameworkCore;
using AngleSharp.Dom;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Delivery.InApp;

/// <summary>
/// In-app notifications (issue 4): a signed-in person chooses from the account area, the fan-out writes
/// one in-app delivery row per matching post, /benachrichtigungen lists them and the navigation counts
/// the unread ones; nobody sees or marks anyone else's.
/// </summary>
public abstract class InAppNotificationTests(RathausplatzApp app)
{
    [Fact]
    public async Task AMatchingPostAppearsOnceUnreadAndCanBeMarkedRead()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var traffic = await app.AddTopicAsync(organization, "Verkehr");
        var culture = await app.AddTopicAsync(organization, "Kultur");
        var citizen = await app.CreateUserAsync(organization);
        var client = await app.CreateSignedInClientAsync(citizen);

        var settings = await client.GetPageAsync("/abonnement/konto");
        using var saved = await settings.Form().Check("Input.TopicIds", traffic.Id.ToString()).SubmitAsync(client);
        var matching = await app.PublishedPostAsync(editor, fill: f => f.TopicIds = [traffic.Id]);
        var other = await app.PublishedPostAsync(editor, fill: f => f.TopicIds = [culture.Id]);
        await app.RunJobsUntilIdleAsync();
        // A second fan-out of the same post (a retry) adds nothing.
        await app.AsEditorAsync(editor, async (scope, _) =>
        {
            var p = await scope.Db.Set<Post>().Include(x => x.Topics).Include(x => x.Districts).SingleAsync(x => x.Id == matching.Id);
            return await scope.Get<QueueDeliveries>().FanOutAsync(p, CancellationToken.None);
        });
        await app.RunJobsUntilIdleAsync();
        var list = await client.GetPageAsync("/benachrichtigungen");
        using var opened = await client.GetAsync($"/benachrichtigungen/{matching.Id}");
        var afterOpening = await client.GetPageAsync("/benachrichtigungen");

        Assert.Equal("/abonnement/konto", saved.RedirectTarget());
        var inApp = Assert.Single(await app.DeliveriesAsync(matching.Id), d => d.Channel == DeliveryChannel.InApp);
        Assert.Equal(DeliveryState.Sent, inApp.State);
        Assert.DoesNotContain(await app.DeliveriesAsync(other.Id), d => d.Channel == DeliveryChannel.InApp);
        var item = Assert.Single(list.QuerySelectorAll("main li"));
        Assert.Contains("Ungelesen", item.TextContent);
        Assert.Equal($"/benachrichtigungen/{matching.Id}", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Benachrichtigungen (1)", NavEntry(list));
        Assert.Equal($"/aktuelles/{matching.Slug}", opened.RedirectTarget());
        Assert.Equal("Benachrichtigungen", NavEntry(afterOpening));
        Assert.DoesNotContain("Ungelesen", Assert.Single(afterOpening.QuerySelectorAll("main li")).TextContent);
    }

    [Fact]
    public async Task MarkAllReadClearsTheCount()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var citizen = await app.CreateUserAsync(organization);
        var client = await app.CreateSignedInClientAsync(citizen);
        var settings = await client.GetPageAsync("/abonnement/konto");
        using var saved = await settings.Form().SubmitAsync(client);
        await app.PublishedPostAsync(editor);
        await app.PublishedPostAsync(editor, PostType.Alert);
        await app.RunJobsUntilIdleAsync();

        var before = await client.GetPageAsync("/benachrichtigungen");
        using var marked = await before.FormWithButton("Alle als gelesen markieren").SubmitAsync(client);
        var after = await client.GetPageAsync("/benachrichtigungen");

        Assert.Equal("Benachrichtigungen (2)", NavEntry(before));
        Assert.Equal("/benachrichtigungen", marked.RedirectTarget());
        Assert.Equal("Benachrichtigungen", NavEntry(after));
        Assert.Equal(2, after.QuerySelectorAll("main li").Length);
        Assert.DoesNotContain("Ungelesen", after.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task NobodySeesOrMarksAnotherPersonsNotifications()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var district = await app.AddDistrictAsync(organization, "Nord");
        var elsewhere = await app.AddDistrictAsync(organization, "Süd");
        var anna = await app.CreateUserAsync(organization);
        var bert = await app.CreateUserAsync(organization);
        var annas = await app.CreateSignedInClientAsync(anna);
        var berts = await app.CreateSignedInClientAsync(bert);
        using var a = await (await annas.GetPageAsync("/abonnement/konto")).Form().Check("Input.DistrictIds", district.Id.ToString()).SubmitAsync(annas);
        using var b = await (await berts.GetPageAsync("/abonnement/konto")).Form().Check("Input.DistrictIds", elsewhere.Id.ToString()).SubmitAsync(berts);
        var post = await app.PublishedPostAsync(editor, fill: f => f.DistrictIds = [district.Id]);
        await app.RunJobsUntilIdleAsync();

        using var bertOpens = await berts.GetAsync($"/benachrichtigungen/{post.Id}");
        var bertsList = await berts.GetPageAsync("/benachrichtigungen");
        var annasList = await annas.GetPageAsync("/benachrichtigungen");
        using var anonymous = await app.CreateClient(organization).GetAsync("/benachrichtigungen");
        using var anonymousOpens = await app.CreateClient(organization).GetAsync($"/benachrichtigungen/{post.Id}");

        Assert.Equal(HttpStatusCode.NotFound, bertOpens.StatusCode);
        Assert.Empty(bertsList.QuerySelectorAll("main li"));
        Assert.Equal("Benachrichtigungen", NavEntry(bertsList));
        Assert.Equal("Benachrichtigungen (1)", NavEntry(annasList));
        Assert.StartsWith("/accounts/signin", anonymous.RedirectTarget());
        Assert.StartsWith("/accounts/signin", anonymousOpens.RedirectTarget());
    }

    [Fact]
    public async Task TheAccountAreaLinksTheEmailSubscriptionOfTheAccountsOwnAddressOnly()
    {
        var organization = await app.CreateOrganizationAsync();
        var citizen = await app.CreateUserAsync(organization);
        var stranger = await app.CreateUserAsync(organization);
        var manage = await app.SubscribeAndConfirmAsync(organization, citizen.Email);

        var mine = await (await app.CreateSignedInClientAsync(citizen)).GetPageAsync("/abonnement/konto");
        var theirs = await (await app.CreateSignedInClientAsync(stranger)).GetPageAsync("/abonnement/konto");

        var link = mine.QuerySelector("main a[href^='/abonnement/']:not([href='/abonnement/konto'])")!.GetAttribute("href")!;
        var preferences = await app.CreateClient(organization).GetPageAsync(link);
        Assert.Contains(EmailMask(citizen.Email), preferences.MainText());
        Assert.DoesNotContain(citizen.Email, theirs.MainText());
        Assert.Null(theirs.QuerySelector("main a[href^='/abonnement/']:not([href='/abonnement/konto'])"));
        Assert.StartsWith("/abonnement/", manage);
    }

    private static string EmailMask(string email) => $"{email[0]}***{email[email.IndexOf('@')..]}";

    private static string NavEntry(IDocument page) =>
        page.QuerySelector("nav a[href='/benachrichtigungen']")!.TextContent.Trim();

    [Fact]
    public async Task TheAccountFormWithoutATypeIsRefusedAndTheAccountPagesNeedASignIn()
    {
        var organization = await app.CreateOrganizationAsync();
        var citizen = await app.CreateUserAsync(organization);
        var client = await app.CreateSignedInClientAsync(citizen);
        var anonymous = app.CreateClient(organization);

        var settings = await client.GetPageAsync("/abonnement/konto");
        using var refused = await settings.Form().Check("Input.Types").SubmitAsync(client);
        var afterwards = await client.GetPageAsync("/benachrichtigungen");
        using var account = await anonymous.GetAsync("/abonnement/konto");
        using var inbox = await anonymous.GetAsync("/benachrichtigungen");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Bitte wählen Sie mindestens eine Art von Beiträgen."], (await refused.ReadPageAsync()).ErrorMessages());
        Assert.Equal("Benachrichtigungen", NavEntry(afterwards));
        Assert.StartsWith("/accounts/signin", account.RedirectTarget());
        Assert.StartsWith("/accounts/signin", inbox.RedirectTarget());
    }
}

public sealed class SqliteInAppNotificationTests(SqliteApp app) : InAppNotificationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInAppNotificationTests(PostgresApp app) : InAppNotificationTests(app), IClassFixture<PostgresApp>;
