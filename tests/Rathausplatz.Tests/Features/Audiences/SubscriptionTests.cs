using System.Net;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Audiences;

/// <summary>
/// E-mail subscriptions through the pages and real SMTP: double opt-in, signed links that cannot be
/// forged or reused, one-click unsubscribe, and answers that never tell whether an address is subscribed.
/// </summary>
public abstract class SubscriptionTests(RathausplatzApp app)
{
    [Fact]
    public async Task ASubscriberConfirmsAndGetsExactlyTheMatchingPostsOnce()
    {
        var organization = await app.CreateOrganizationAsync("Musterhausen");
        var editor = await app.CreateEditorAsync(organization);
        var traffic = await app.AddTopicAsync(organization, "Verkehr");
        var culture = await app.AddTopicAsync(organization, "Kultur");
        var email = Unique.Name("bea") + "@example.org";
        var client = app.CreateClient(organization);

        using var submitted = await RathausplatzApp.SubmitSubscriptionAsync(client, "  " + email.ToUpperInvariant() + " ", topics: [traffic.Id]);
        var answer = await client.GetPageAsync(submitted.RedirectTarget());
        await app.RunJobsUntilIdleAsync();
        var confirmation = Assert.Single(app.Mail.MessagesTo(email));
        var stored = await app.FindSubscriptionAsync(organization, email);
        var beforeConfirming = await app.PublishedPostAsync(editor, fill: f => f.TopicIds = [traffic.Id]);
        await app.RunJobsUntilIdleAsync();
        var mailsBeforeConfirming = app.PostMailsTo(email, beforeConfirming.Slug).Count;

        using var confirmed = await RathausplatzApp.ConfirmAsync(client, confirmation.Link());
        var matching = await app.PublishedPostAsync(editor, fill: f => f.TopicIds = [traffic.Id]);
        var other = await app.PublishedPostAsync(editor, fill: f => f.TopicIds = [culture.Id]);
        var forEveryone = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        await app.RunJobsUntilIdleAsync();

        Assert.Contains("Bitte bestätigen Sie Ihr Abonnement", answer.MainText());
        Assert.Equal("Abonnement bestätigen – Musterhausen", confirmation.Subject);
        Assert.Equal($"https://{organization.Host}", confirmation.Link().GetLeftPart(UriPartial.Authority));
        Assert.StartsWith("/abonnement/bestaetigen/", confirmation.Link().AbsolutePath);
        Assert.NotNull(stored);
        Assert.Equal((email, SubscriptionState.Pending, ConsentText.Version, false), (stored.Email, stored.State, stored.ConsentTextVersion, stored.AllTopics));
        Assert.Equal(app.Now, stored.ConsentGivenAt);
        Assert.Null(stored.ConfirmedAt);
        Assert.Equal(0, mailsBeforeConfirming);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.NotNull((await app.FindSubscriptionAsync(organization, email))!.ConfirmedAt);

        var mail = Assert.Single(app.PostMailsTo(email, matching.Slug));
        Assert.Empty(app.PostMailsTo(email, other.Slug));
        Assert.Single(app.PostMailsTo(email, forEveryone.Slug));
        Assert.Equal(("Musterhausen", "noreply@rathausplatz.test"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
        Assert.Contains($"https://{organization.Host}/aktuelles/{matching.Slug}", mail.TextBody);
        Assert.Contains($"href=\"https://{organization.Host}/aktuelles/{matching.Slug}\"", mail.HtmlBody);
        Assert.Contains("Kurz gesagt", mail.TextBody);
        Assert.Contains($"https://{organization.Host}/abonnement/", mail.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith($"https://{organization.Host}/abonnement/abmelden/", mail.OneClickUnsubscribe().ToString());
        var deliveries = await app.DeliveriesAsync(matching.Id);
        Assert.Equal(DeliveryState.Sent, Assert.Single(deliveries).State);
    }

    [Fact]
    public async Task ForgedExpiredAndReusedLinksAreRefused()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = app.CreateClient(organization);
        var first = Unique.Name("eins") + "@example.org";
        var late = Unique.Name("spaet") + "@example.org";
        using (await RathausplatzApp.SubmitSubscriptionAsync(client, first)) { }
        using (await RathausplatzApp.SubmitSubscriptionAsync(client, late)) { }
        await app.RunJobsUntilIdleAsync();
        var link = Assert.Single(app.Mail.MessagesTo(first)).Link();
        var lateLink = Assert.Single(app.Mail.MessagesTo(late)).Link();
        var token = link.AbsolutePath["/abonnement/bestaetigen/".Length..];

        using var forged = await client.GetAsync("/abonnement/bestaetigen/" + token[..^4] + "AAAA");
        using var garbage = await client.GetAsync("/abonnement/bestaetigen/nichts");
        using var confirmed = await RathausplatzApp.ConfirmAsync(client, link);
        using var replayed = await client.GetAsync(link.PathAndQuery);
        var confirmedPage = await confirmed.ReadPageAsync();
        var manage = confirmedPage.QuerySelector("main a[href^='/abonnement/']")!.GetAttribute("href")!;
        using var forgedManage = await client.GetAsync(manage[..^4] + "AAAA");
        using var confirmationAsManage = await client.GetAsync("/abonnement/" + token);
        app.AdvanceTime(SubscriptionTokens.ConfirmationLifetime + TimeSpan.FromMinutes(1));
        using var expired = await client.GetAsync(lateLink.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("Dieser Link gilt nicht (mehr).", (await replayed.ReadPageAsync()).MainText());
        Assert.Equal(HttpStatusCode.NotFound, forgedManage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirmationAsManage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal(SubscriptionState.Pending, (await app.FindSubscriptionAsync(organization, late))!.State);
    }

    [Fact]
    public async Task AConfirmationLinkCannotBeUsedTwiceEvenByItsOwnButton()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = app.CreateClient(organization);
        var email = Unique.Name("zweimal") + "@example.org";
        using (await RathausplatzApp.SubmitSubscriptionAsync(client, email)) { }
        await app.RunJobsUntilIdleAsync();
        var link = Assert.Single(app.Mail.MessagesTo(email)).Link();
        var page = await client.GetPageAsync(link.PathAndQuery);

        using var first = await page.Form().SubmitAsync(client);
        using var second = await page.Form().SubmitAsync(client);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task OneClickUnsubscribeEndsTheSubscriptionAndTheNextPostSendsNothing()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var email = Unique.Name("weg") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, email);
        var first = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        var mail = Assert.Single(app.PostMailsTo(email, first.Slug));

        // As a mail provider does it: a bare POST, no cookies, no antiforgery token (RFC 8058).
        using var provider = app.CreateClient(organization);
        using var oneClick = await provider.PostAsync(mail.OneClickUnsubscribe().PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        using var again = await provider.PostAsync(mail.OneClickUnsubscribe().PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        using var forged = await provider.PostAsync("/abonnement/abmelden/erfunden", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var next = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Null(await app.FindSubscriptionAsync(organization, email));
        Assert.Empty(app.PostMailsTo(email, next.Slug));
        Assert.Empty(await app.DeliveriesAsync(next.Id));
    }

    [Fact]
    public async Task ThePreferencesLinkChangesTheChoiceAndUnsubscribes()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var north = await app.AddDistrictAsync(organization, "Nord");
        var south = await app.AddDistrictAsync(organization, "Süd");
        var email = Unique.Name("wahl") + "@example.org";
        var manage = await app.SubscribeAndConfirmAsync(organization, email);
        var client = app.CreateClient(organization);

        var page = await client.GetPageAsync(manage);
        using var saved = await page.Form().Check("Input.DistrictIds", north.Id.ToString()).Check("Input.Language", "en").SubmitAsync(client);
        var southern = await app.PublishedPostAsync(editor, fill: f => { f.DistrictIds = [south.Id]; f.TitleEnglish = "Road works " + Unique.Name("en"); });
        var northern = await app.PublishedPostAsync(editor, fill: f => { f.DistrictIds = [north.Id]; f.TitleEnglish = "Road works north"; f.SummaryEnglish = "In short"; });
        await app.RunJobsUntilIdleAsync();
        var reloaded = await client.GetPageAsync(manage);
        using var ended = await reloaded.FormWithButton("Abbestellen").SubmitAsync(client);
        using var afterwards = await client.GetAsync(manage);

        Assert.Equal(manage, saved.RedirectTarget());
        Assert.Contains("w***@example.org", page.MainText());
        Assert.DoesNotContain(email, page.MainText());
        Assert.Empty(await app.DeliveriesAsync(southern.Id));
        var mail = Assert.Single(app.Mail.MessagesTo(email), m => m.Subject == "Road works north");
        Assert.Contains("In short", mail.TextBody);
        Assert.Contains("Read more", mail.TextBody);
        Assert.Single(await app.DeliveriesAsync(northern.Id));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Contains("Sie haben abbestellt.", (await ended.ReadPageAsync()).MainText());
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Fact]
    public async Task SubscribingAnAddressThatIsPendingOrSubscribedAnswersLikeANewOne()
    {
        var organization = await app.CreateOrganizationAsync("Musterhausen");
        var topic = await app.AddTopicAsync(organization, "Umwelt");
        var subscribed = Unique.Name("schon") + "@example.org";
        var pending = Unique.Name("wartet") + "@example.org";
        var fresh = Unique.Name("neu") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, subscribed, topics: [topic.Id]);
        var client = app.CreateClient(organization);
        using (await RathausplatzApp.SubmitSubscriptionAsync(client, pending)) { }
        await app.RunJobsUntilIdleAsync();
        var mailsBefore = app.Mail.MessagesTo(subscribed).Count;

        var answers = new List<(HttpStatusCode, string, string)>();
        foreach (var address in new[] { fresh, pending, subscribed })
        {
            using var response = await RathausplatzApp.SubmitSubscriptionAsync(app.CreateClient(organization), address);
            var target = response.RedirectTarget();
            var page = await client.GetPageAsync(target);
            answers.Add((response.StatusCode, target, page.MainText()));
        }
        await app.RunJobsUntilIdleAsync();

        Assert.Single(answers.Distinct());
        var notice = app.Mail.MessagesTo(subscribed).Skip(mailsBefore).Single();
        Assert.Equal("Ihr Abonnement – Musterhausen", notice.Subject);
        Assert.StartsWith("/abonnement/", notice.Link().AbsolutePath);
        Assert.DoesNotContain("bestaetigen", notice.Link().AbsolutePath);
        var unchanged = await app.FindSubscriptionAsync(organization, subscribed);
        Assert.Equal((SubscriptionState.Confirmed, false), (unchanged!.State, unchanged.AllTopics));
        Assert.Equal(2, app.Mail.MessagesTo(pending).Count);
        Assert.Equal(SubscriptionState.Pending, (await app.FindSubscriptionAsync(organization, pending))!.State);
    }

    [Fact]
    public async Task AnInvalidAddressIsRefusedWithAMessage()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = app.CreateClient(organization);

        using var response = await RathausplatzApp.SubmitSubscriptionAsync(client, "kein-at-zeichen");
        using var noType = await RathausplatzApp.SubmitSubscriptionAsync(client, Unique.Name("x") + "@example.org", types: []);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Bitte geben Sie eine gültige E-Mail-Adresse an."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal(["Bitte wählen Sie mindestens eine Art von Beiträgen."], (await noType.ReadPageAsync()).ErrorMessages());
        Assert.Null(await app.FindSubscriptionAsync(organization, "kein-at-zeichen"));
    }

    [Fact]
    public async Task ThePreferencesFormWithoutATypeIsRefusedAndChangesNothing()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = Unique.Name("ohne") + "@example.org";
        var manage = await app.SubscribeAndConfirmAsync(organization, email);
        var client = app.CreateClient(organization);
        var before = await app.FindSubscriptionAsync(organization, email);

        var page = await client.GetPageAsync(manage);
        using var refused = await page.Form().Check("Input.Types").Check("Input.Language", "en").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Bitte wählen Sie mindestens eine Art von Beiträgen."], (await refused.ReadPageAsync()).ErrorMessages());
        var after = await app.FindSubscriptionAsync(organization, email);
        Assert.Equal((before!.Types, before.Language), (after!.Types, after.Language));
    }
}

public sealed class SqliteSubscriptionTests(SqliteApp app) : SubscriptionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSubscriptionTests(PostgresApp app) : SubscriptionTests(app), IClassFixture<PostgresApp>;
