using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Debates tell their participants: a reply to one's comment and a change of the debate come as a notice (and a mail
/// through the real SMTP server), and "Meine Beteiligung" lists the debates one took part in.
/// </summary>
public abstract class DebateNoticeTests(RathausplatzApp app)
{
    private static async Task<Guid> CommentAsync(HttpClient client, string path, string body, Guid? replyTo = null)
    {
        var page = await client.GetPageAsync(path);
        var form = replyTo is { } parent ? page.Form($"#kommentar-{parent} .reply-form form") : page.FormWithButton("Kommentar veröffentlichen");
        form.Set("body", body);
        if (form.Element.Elements["acceptsNetiquette"] is not null)
            form.Set("acceptsNetiquette", "true");
        using var made = await form.SubmitAsync(client);
        return Guid.Parse(made.RedirectTarget().Split("#kommentar-")[1]);
    }

    [Fact]
    public async Task RepliesAndDebateChangesReachTheParticipantsAndMyParticipationListsTheDebate()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var editorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var debate = await app.CreateDebateAsync(org, process, editorUser);
        var path = RathausplatzApp.DebatePath(process, debate.Id);
        var anna = await app.CreateUserAsync(org, Roles.Citizen);
        var ben = await app.CreateUserAsync(org, Roles.Citizen);
        var bystander = await app.CreateUserAsync(org, Roles.Citizen);
        var annaClient = await app.CreateSignedInClientAsync(anna);
        var benClient = await app.CreateSignedInClientAsync(ben);

        var first = await CommentAsync(annaClient, path, "Autofrei, aber mit Lieferzeiten.");
        var own = await CommentAsync(annaClient, path, "Und Parkplätze am Rand.", replyTo: first);
        var reply = await CommentAsync(benClient, path, "Lieferzeiten bis 10 Uhr reichen.", replyTo: first);
        await app.RunJobsUntilIdleAsync();

        var annaNotices = await app.NoticesAsync(anna);
        Assert.Equal(["Neue Antwort auf Ihren Kommentar in der Debatte „Soll der Marktplatz autofrei werden?“"], annaNotices.Select(n => n.Title));
        Assert.Equal($"{path}#kommentar-{reply}", annaNotices[0].Link);
        Assert.Single(app.Mail.MessagesTo(anna.Email));
        Assert.Empty(await app.NoticesAsync(ben));
        Assert.NotEqual(Guid.Empty, own);

        // The editor changes the debate: everyone who commented hears of it, nobody else.
        await using (var scope = app.InOrganization(org))
        {
            var manage = scope.Get<ManageDebates>();
            var tracked = await manage.FindAsync(process.Id, debate.Id, CancellationToken.None);
            await manage.SaveAsync(process.Id, tracked, new DebateInput { Title = "Soll der Marktplatz autofrei werden?", Introduction = "Neue Zahlen zum Verkehr." },
                editorUser.Id, CancellationToken.None);
        }
        await app.RunJobsUntilIdleAsync();
        await app.RunNoticeJobsAgainAsync(org);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(2, (await app.NoticesAsync(anna)).Count);
        Assert.Equal(["Die Debatte „Soll der Marktplatz autofrei werden?“ wurde aktualisiert"], (await app.NoticesAsync(ben)).Select(n => n.Title));
        Assert.Empty(await app.NoticesAsync(bystander));
        Assert.Equal(2, app.Mail.MessagesTo(anna.Email).Count);

        var mine = await annaClient.GetPageAsync("/beteiligung/meine");
        var item = mine.QuerySelector("[aria-labelledby=debates-heading] .my-item")!.TextContent;
        Assert.Contains("Soll der Marktplatz autofrei werden?", item);
        Assert.Contains("2 Beiträge von Ihnen", item);
        Assert.Contains("1 Antwort darauf", item);
        var bystanderPage = await (await app.CreateSignedInClientAsync(bystander)).GetPageAsync("/beteiligung/meine");
        Assert.Contains("Sie haben sich noch an keiner Debatte beteiligt.", bystanderPage.MainText());
    }
}

public sealed class SqliteDebateNoticeTests(SqliteApp app) : DebateNoticeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDebateNoticeTests(PostgresApp app) : DebateNoticeTests(app), IClassFixture<PostgresApp>;
