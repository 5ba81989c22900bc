using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// Editing and deleting answers to expert questions, by the stream's rules: authors change and remove their own words,
/// admins remove anyone's (nobody rewords someone else's), a deleted best answer takes the asker's choice along, and
/// the search follows every change. Who may do what at all: <see cref="IntranetAccessTests"/>.
/// </summary>
public abstract class AnswerEditTests(RathausplatzApp app)
{
    private static string QuestionPath(Guid questionId) => $"/intranet/personen/fragen/{questionId}";

    private static string EditPath(Guid questionId, Guid answerId) => $"{QuestionPath(questionId)}/antworten/{answerId}/bearbeiten";

    private static async Task<List<string>> FoundAsync(HttpClient client, string query) =>
        (await client.GetPageAsync("/intranet/suche?q=" + Uri.EscapeDataString(query)))
        .QuerySelectorAll(".intranet-result h3 a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task AuthorsEditAndDeleteTheirAnswersAndTheSearchFollows()
    {
        var org = await app.CreateOrganizationAsync();
        var asker = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var author = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var colleague = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        var client = await app.CreateSignedInClientAsync(author);
        var questionId = await app.AskExpertsAsync(asker, "Wer kennt sich mit dem Friedhofsrecht aus?", "friedhofsrecht");
        var answerId = await app.AnswerExpertQuestionAsync(author, questionId, "Frau Kurz im Ordnungsamt.");
        var path = QuestionPath(questionId);
        Assert.Equal([path], await FoundAsync(colleague, "Ordnungsamt"));

        // A colleague finds neither link nor button on someone else's answer, and hand-made requests are refused.
        var asColleague = await colleague.GetPageAsync(path);
        Assert.Null(asColleague.QuerySelector($"#antwort-{answerId} a[href$='/bearbeiten']"));
        Assert.Null(asColleague.QuerySelector($"#antwort-{answerId} form[action*='handler=DeleteAnswer']"));
        Assert.StartsWith("/error/403", (await colleague.GetAsync(EditPath(questionId, answerId))).RedirectTarget());
        using (var reworded = await colleague.PostHandMadeAsync(asColleague, EditPath(questionId, answerId), ("Body", "Fremde Worte.")))
            Assert.StartsWith("/error/403", reworded.RedirectTarget());
        using (var removed = await colleague.PostHandMadeAsync(asColleague, path + "?handler=DeleteAnswer", ("answerId", answerId.ToString())))
            Assert.StartsWith("/error/403", removed.RedirectTarget());

        var link = (await client.GetPageAsync(path)).QuerySelector($"#antwort-{answerId} a[href$='/bearbeiten']")!.GetAttribute("href")!;
        Assert.Equal(EditPath(questionId, answerId), link);
        var form = await client.GetPageAsync(link);
        Assert.Equal("Frau Kurz im Ordnungsamt.", form.QuerySelector("textarea[name=Body]")!.TextContent);
        using (var empty = await form.Form("main form").Set("Body", " ").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Equal(["Bitte schreiben Sie eine Antwort."], (await empty.ReadPageAsync()).ErrorMessages());
        }
        using (var edited = await form.Form("main form").Set("Body", "Herr Lang im **Standesamt**.").SubmitAsync(client))
            Assert.Equal($"{path}#antwort-{answerId}", edited.RedirectTarget());

        Assert.Contains("Herr Lang im Standesamt.", (await colleague.GetPageAsync(path)).QuerySelector($"#antwort-{answerId}")!.TextContent);
        Assert.Equal([path], await FoundAsync(colleague, "Standesamt"));
        Assert.Empty(await FoundAsync(colleague, "Ordnungsamt"));

        using (var deleted = await (await client.GetPageAsync(path)).Form($"#antwort-{answerId} form[action*='handler=DeleteAnswer']").SubmitAsync(client))
            Assert.Equal($"{path}#answers-heading", deleted.RedirectTarget());
        Assert.Null((await client.GetPageAsync(path)).QuerySelector($"#antwort-{answerId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(EditPath(questionId, answerId))).StatusCode);
        // The answer's words leave the index; the question stays findable by its own.
        Assert.Empty(await FoundAsync(colleague, "Standesamt"));
        Assert.Equal([path], await FoundAsync(colleague, "Friedhofsrecht"));
    }

    [Fact]
    public async Task AnAdminDeletesAnyAnswerAndADeletedBestAnswerTakesTheChoiceAlong()
    {
        var org = await app.CreateOrganizationAsync();
        var asker = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var expert = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var askerClient = await app.CreateSignedInClientAsync(asker);
        var admin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.OrganizationAdmin));
        var questionId = await app.AskExpertsAsync(asker, "Wie lange bewahren wir Bauakten auf?", "archiv");
        var bestId = await app.AnswerExpertQuestionAsync(expert, questionId, "Dreißig Jahre, sagt die Archivsatzung.");
        var otherId = await app.AnswerExpertQuestionAsync(expert, questionId, "Frag im Stadtarchiv nach.");
        var path = QuestionPath(questionId);
        using (var best = await (await askerClient.GetPageAsync(path)).Form($"#antwort-{bestId} form[action*='handler=Best']").SubmitAsync(askerClient))
            Assert.Equal(bestId, await app.BestAnswerAsync(org, questionId));
        Assert.NotNull((await askerClient.GetPageAsync(path)).QuerySelector("main a[href*='frage=']"));

        // The asker is just another colleague for other people's answers.
        Assert.Null((await askerClient.GetPageAsync(path)).QuerySelector("form[action*='handler=DeleteAnswer']"));
        // The admin deletes, but does not reword.
        var asAdmin = await admin.GetPageAsync(path);
        Assert.Null(asAdmin.QuerySelector($"#antwort-{bestId} a[href$='/bearbeiten']"));
        Assert.StartsWith("/error/403", (await admin.GetAsync(EditPath(questionId, bestId))).RedirectTarget());
        using (var deleted = await asAdmin.Form($"#antwort-{bestId} form[action*='handler=DeleteAnswer']").SubmitAsync(admin))
            Assert.Equal($"{path}#answers-heading", deleted.RedirectTarget());

        Assert.Null(await app.BestAnswerAsync(org, questionId));
        var shown = await askerClient.GetPageAsync(path);
        Assert.Equal([$"antwort-{otherId}"], shown.QuerySelectorAll(".stream-list > li").Select(li => li.Id));
        Assert.Null(shown.QuerySelector(".answer__badge"));
        Assert.Null(shown.QuerySelector("main a[href*='frage=']"));
        // The asker may choose again among what is left.
        Assert.NotNull(shown.QuerySelector($"#antwort-{otherId} form[action*='handler=Best']"));
        Assert.Empty(await FoundAsync(askerClient, "Archivsatzung"));
    }
}

public sealed class SqliteAnswerEditTests(SqliteApp app) : AnswerEditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAnswerEditTests(PostgresApp app) : AnswerEditTests(app), IClassFixture<PostgresApp>;
