using AngleSharp.Dom;
using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.People;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// People and skills through their forms: the own profile and its refusals, confirmations once per colleague and
/// never one's own, the expert finder's ranking and partial words, questions that reach exactly the colleagues
/// with the skill, the asker's best answer, and who may not see any of it.
/// </summary>
public abstract class PeopleTests(RathausplatzApp app)
{
    private async Task<(TestOrganization Org, TestUser Staff, HttpClient Client)> StaffAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        return (org, staff, await app.CreateSignedInClientAsync(staff));
    }

    [Fact]
    public async Task StaffEditTheirOwnProfileAndBadInputIsRefusedWithAMessage()
    {
        var (org, staff, client) = await StaffAsync();
        var (departmentId, _) = await app.CreateDepartmentAsync(org, "Bauamt");
        var form = await client.GetPageAsync("/intranet/personen/ich");
        Assert.Null(form.QuerySelector("form[action*='handler=AddSkill']"));

        using var refused = await form.Form("form[action*='handler=Save']").Set("JobTitle", " ")
            .Set("Experience", new string('x', StaffProfile.MaxExperience + 1)).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Bitte geben Sie Ihre Funktion an.", "Die Erfahrung darf höchstens 4000 Zeichen lang sein."], (await refused.ReadPageAsync()).ErrorMessages());

        using var foreignDepartment = await client.PostHandMadeAsync(form, "/intranet/personen/ich?handler=Save",
            ("DepartmentId", Guid.CreateVersion7().ToString()), ("JobTitle", "Sachbearbeitung"));
        Assert.Equal(HttpStatusCode.BadRequest, foreignDepartment.StatusCode);
        Assert.Equal(["Bitte wählen Sie eine der angebotenen Abteilungen."], (await foreignDepartment.ReadPageAsync()).ErrorMessages());

        const string Hostile = "Zehn Jahre **Bauamt**.\n\n<script>alert(1)</script> [klick](javascript:alert(2)) <img src=x onerror=alert(3)>";
        using var saved = await form.Form("form[action*='handler=Save']").Set("DepartmentId", departmentId.ToString()).Set("JobTitle", "Sachbearbeitung Bauanträge")
            .Set("CanHelpWith", "Förderanträge und Vergabe").Set("Languages", "Deutsch, Türkisch").Set("Experience", Hostile).SubmitAsync(client);
        Assert.Equal("/intranet/personen/ich", saved.RedirectTarget());

        var mine = await client.GetPageAsync("/intranet/personen/ich");
        using var added = await mine.Form("form[action*='handler=AddSkill']").Set("SkillName", "  Excel-Makros ").SubmitAsync(client);
        Assert.Equal("/intranet/personen/ich#faehigkeiten", added.RedirectTarget());
        foreach (var (name, message) in new[]
        {
            ("EXCEL-MAKROS", "Diese Fähigkeit steht schon in Ihrem Profil."),
            ("", "Bitte geben Sie eine Fähigkeit an."),
            ("<script>", "Eine Fähigkeit besteht aus Buchstaben, Ziffern, Leerzeichen und - + # . / &."),
            (new string('a', ProfileSkill.MaxName + 1), "Eine Fähigkeit darf höchstens 60 Zeichen lang sein."),
        })
        {
            using var bad = await (await client.GetPageAsync("/intranet/personen/ich")).Form("form[action*='handler=AddSkill']").Set("SkillName", name).SubmitAsync(client);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal([message], (await bad.ReadPageAsync()).ErrorMessages());
        }

        var profile = await client.GetPageAsync($"/intranet/personen/{staff.Id}");
        Assert.Equal(staff.DisplayName, profile.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Bauamt", profile.MainText());
        Assert.Contains("Förderanträge und Vergabe", profile.MainText());
        Assert.Equal(["excel-makros"], profile.QuerySelectorAll(".skill-row__name").Select(s => s.TextContent.Trim()));
        var experience = profile.QuerySelector(".profile-prose")!;
        Assert.NotNull(experience.QuerySelector("strong"));
        Assert.Empty(experience.QuerySelectorAll("script, img[onerror], [onclick]"));
        Assert.DoesNotContain(experience.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        // Nobody confirms their own skill: the own profile offers no button.
        Assert.Empty(profile.QuerySelectorAll("form[action*='handler=Endorse']"));
    }

    [Fact]
    public async Task AColleagueConfirmsASkillOnceAndNobodyTheirOwn()
    {
        var (org, expert, expertClient) = await StaffAsync();
        await app.CreateProfileAsync(expert, skills: "Vergaberecht");
        var colleague = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var client = await app.CreateSignedInClientAsync(colleague);
        var path = $"/intranet/personen/{expert.Id}";

        using var confirmed = await (await client.GetPageAsync(path)).FormWithButton("Bestätigen (vergaberecht)").SubmitAsync(client);
        Assert.Equal($"{path}#faehigkeiten", confirmed.RedirectTarget());
        var after = await client.GetPageAsync(path);
        Assert.Contains("1 Bestätigung", after.QuerySelector(".skill-row")!.TextContent);
        Assert.Contains("Von Ihnen bestätigt", after.QuerySelector(".skill-row")!.TextContent);

        var skillId = (await app.SkillIdAsync(expert, "Vergaberecht")).ToString();
        using var again = await client.PostHandMadeAsync(after, path + "?handler=Endorse", ("skillId", skillId));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["Diese Fähigkeit haben Sie schon bestätigt."], (await again.ReadPageAsync()).ErrorMessages());

        using var self = await expertClient.PostHandMadeAsync(await expertClient.GetPageAsync(path), path + "?handler=Endorse", ("skillId", skillId));
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(["Eigene Fähigkeiten können Sie nicht bestätigen."], (await self.ReadPageAsync()).ErrorMessages());

        // A skill of someone else, sent to this profile's address, is not this profile's.
        await app.CreateProfileAsync(colleague, skills: "Excel");
        using var elsewhere = await client.PostHandMadeAsync(after, path + "?handler=Endorse", ("skillId", (await app.SkillIdAsync(colleague, "Excel")).ToString()));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(1, await app.EndorsementsAsync(expert, "Vergaberecht"));
        Assert.Equal(0, await app.EndorsementsAsync(colleague, "Excel"));
    }

    [Fact]
    public async Task TheFinderRanksByConfirmationsAndFindsPartsOfWordsAndUmlauts()
    {
        var (org, seeker, client) = await StaffAsync();
        var (bauamt, _) = await app.CreateDepartmentAsync(org, "Bauamt");
        var (kaemmerei, _) = await app.CreateDepartmentAsync(org, "Kämmerei");
        var few = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var many = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var none = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var other = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.CreateProfileAsync(few, departmentId: bauamt, skills: ["Excel-Makros"]);
        await app.CreateProfileAsync(many, departmentId: kaemmerei, skills: ["Excel", "Förderanträge"]);
        await app.CreateProfileAsync(none, skills: ["Pivot in Excel"]);
        await app.CreateProfileAsync(other, canHelpWith: "Fragen zur Straßenreinigung", skills: ["Öffentlichkeitsarbeit"]);
        await app.CreateProfileAsync(seeker, skills: ["Moderation"]);
        await app.EndorseAsync(seeker, few, "Excel-Makros");
        await app.EndorseAsync(seeker, many, "Excel");
        await app.EndorseAsync(other, many, "Excel");

        async Task<List<string>> NamesAsync(string query) =>
            (await client.GetPageAsync("/intranet/personen?" + query)).QuerySelectorAll(".person-card h3").Select(h => h.TextContent.Trim()).ToList();

        Assert.Equal([many.DisplayName, few.DisplayName, none.DisplayName], await NamesAsync("faehigkeit=excel"));
        Assert.Equal([many.DisplayName, few.DisplayName, none.DisplayName], await NamesAsync("faehigkeit=EXCEL"));
        Assert.Equal([few.DisplayName], await NamesAsync("faehigkeit=makro"));
        Assert.Equal([many.DisplayName], await NamesAsync("faehigkeit=" + Uri.EscapeDataString("FÖRDER")));
        Assert.Equal([other.DisplayName], await NamesAsync("faehigkeit=" + Uri.EscapeDataString("öffentlich")));
        // Free text: "can help with" and skills, whatever the case of umlauts ("ß" and "ss" stay different).
        Assert.Equal([other.DisplayName], await NamesAsync("q=" + Uri.EscapeDataString("Straßen")));
        Assert.Equal([many.DisplayName], await NamesAsync("q=" + Uri.EscapeDataString("anträge")));
        Assert.Equal([few.DisplayName], await NamesAsync("faehigkeit=excel&q=" + Uri.EscapeDataString(few.DisplayName)));
        Assert.Empty(await NamesAsync("faehigkeit=gibtesnicht"));

        var hits = await client.GetPageAsync("/intranet/personen?faehigkeit=excel");
        var first = hits.QuerySelector(".person-card")!;
        Assert.Contains("Kämmerei", first.TextContent);
        Assert.Contains("2 Bestätigungen", first.TextContent);

        // On a profile: colleagues from other departments with the same skill (the Bauamt's own people are not suggested).
        await app.CreateProfileAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Staff), departmentId: bauamt, skills: ["Excel-Makros"]);
        var sameSkillElsewhere = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.CreateProfileAsync(sameSkillElsewhere, departmentId: kaemmerei, skills: ["Excel-Makros"]);
        var profile = await client.GetPageAsync($"/intranet/personen/{few.Id}");
        Assert.Equal([sameSkillElsewhere.DisplayName], profile.QuerySelectorAll("#others-heading ~ .people-list a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task AQuestionTellsExactlyTheSkilledColleaguesOnceAndOnlyTheAskerMarksTheBestAnswer()
    {
        var (org, asker, askerClient) = await StaffAsync();
        await app.CreateProfileAsync(asker, skills: "Vergaberecht");
        var lawyer = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var both = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var unrelated = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var formerStaff = await app.CreateUserAsync(org, Roles.Citizen);
        var elsewhere = await app.CreateUserWithTwoFactorAsync(await app.CreateOrganizationAsync(), Roles.Staff);
        await app.CreateProfileAsync(lawyer, skills: "Vergaberecht");
        await app.CreateProfileAsync(both, skills: ["Vergaberecht", "Ausschreibungen"]);
        await app.CreateProfileAsync(unrelated, skills: "Vergabe");
        await app.CreateProfileAsync(elsewhere, skills: "Vergaberecht");
        await app.AddProfileWithoutRoleAsync(formerStaff, "vergaberecht");

        var form = await askerClient.GetPageAsync("/intranet/personen/fragen");
        using var refused = await form.Form().Set("Title", "").Set("Skills", "a, b, c, d, e, f").SubmitAsync(askerClient);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Bitte geben Sie Ihre Frage an.", "Eine Frage hat höchstens 5 Fähigkeiten."], (await refused.ReadPageAsync()).ErrorMessages());
        using var asked = await form.Form().Set("Title", "Ab wann muss ich europaweit ausschreiben?").Set("Skills", "VERGABERECHT, Ausschreibungen")
            .Set("Body", "Es geht um **Reinigung**.").SubmitAsync(askerClient);
        var path = asked.RedirectTarget();
        Assert.StartsWith("/intranet/personen/fragen/", path);
        await app.RunJobsUntilIdleAsync();
        await app.RunExpertJobsAgainAsync(org);

        var notice = Assert.Single(await app.NoticesAsync(lawyer));
        Assert.Equal("Frage an die Expert:innen: Ab wann muss ich europaweit ausschreiben?", notice.Title);
        Assert.Equal(path, notice.Link);
        Assert.Single(await app.NoticesAsync(both));
        foreach (var nobody in new[] { asker, unrelated, formerStaff, elsewhere })
            Assert.Empty(await app.NoticesAsync(nobody));

        var lawyerClient = await app.CreateSignedInClientAsync(lawyer);
        var question = await lawyerClient.GetPageAsync(path);
        using var empty = await question.Form("form[action*='handler=Answer']").Set("Body", " ").SubmitAsync(lawyerClient);
        Assert.Equal(["Bitte schreiben Sie eine Antwort."], (await empty.ReadPageAsync()).ErrorMessages());
        using var answered = await question.Form("form[action*='handler=Answer']").Set("Body", "Ab dem **EU-Schwellenwert**.").SubmitAsync(lawyerClient);
        var answerId = Guid.Parse(answered.RedirectTarget().Split("#antwort-")[1]);
        var questionId = Guid.Parse(path.Split('/').Last());

        var shown = await lawyerClient.GetPageAsync(path);
        Assert.Empty(shown.QuerySelectorAll("form[action*='handler=Best']"));
        using var notAsker = await lawyerClient.PostHandMadeAsync(shown, path + "?handler=Best", ("answerId", answerId.ToString()));
        Assert.Equal("/error/403", notAsker.RedirectTarget().Split('?')[0]);
        Assert.Null(await app.BestAnswerAsync(org, questionId));

        using var best = await (await askerClient.GetPageAsync(path)).FormWithButton($"Als beste Antwort markieren ({lawyer.DisplayName})").SubmitAsync(askerClient);
        Assert.Equal(answerId, await app.BestAnswerAsync(org, questionId));
        Assert.Contains("Beste Antwort", (await askerClient.GetPageAsync(path)).QuerySelector($"#antwort-{answerId}")!.TextContent);
    }

    [Fact]
    public async Task ABestAnswerIsKeptInTheKnowledgeBaseAndNeverInASpaceWiki()
    {
        var (org, asker, askerClient) = await StaffAsync();
        var expert = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var questionId = await app.AskExpertsAsync(asker, "Wie rechnen wir Dienstreisen ab?", "reisekosten");
        await app.AnswerExpertQuestionAsync(expert, questionId, "Mit dem Formular **R 12**, binnen sechs Monaten.");
        var path = $"/intranet/personen/fragen/{questionId}";
        Assert.Null((await askerClient.GetPageAsync(path)).QuerySelector("main a[href*='frage=']"));
        using var best = await (await askerClient.GetPageAsync(path)).FormWithButton($"Als beste Antwort markieren ({expert.DisplayName})").SubmitAsync(askerClient);

        // Any colleague may keep it: the link leads to the knowledge base's form, filled in.
        var colleague = await app.CreateSignedInClientAsync(expert);
        var link = (await colleague.GetPageAsync(path)).QuerySelector("main a[href*='frage=']")!;
        Assert.Equal("Beste Antwort in der Wissensdatenbank festhalten", link.TextContent.Trim());
        var form = await colleague.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal("Wie rechnen wir Dienstreisen ab?", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.Title']")!.Value);
        var body = form.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name='Form.Body']")!.Value;
        Assert.Contains("Mit dem Formular **R 12**, binnen sechs Monaten.", body);
        Assert.Contains(path, body);
        using var saved = await form.Form("main form").SubmitAsync(colleague);
        var page = await colleague.GetPageAsync(saved.RedirectTarget());
        Assert.Contains("binnen sechs Monaten", page.MainText());
        Assert.NotNull(page.QuerySelector($"main a[href='{path}']"));

        // A space's wiki (which guests may read) takes nothing from a question.
        var space = await app.CreateSpaceAsync(asker);
        var spaceForm = await askerClient.GetPageAsync($"{space.Path}/wiki/neu?frage={questionId}");
        Assert.DoesNotContain("sechs Monaten", spaceForm.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name='Form.Body']")!.Value);
    }

    [Fact]
    public async Task GuestsCitizensAndOtherOrganisationsDoNotReachPeople()
    {
        var (org, staff, client) = await StaffAsync();
        await app.CreateProfileAsync(staff, skills: "Vergaberecht");
        var questionId = await app.AskExpertsAsync(staff, "Wer kennt sich aus?", "vergaberecht");
        var guest = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Guest));
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        string[] paths = ["/intranet/personen", "/intranet/personen/ich", $"/intranet/personen/{staff.Id}", "/intranet/personen/fragen", $"/intranet/personen/fragen/{questionId}"];
        foreach (var visitor in new[] { guest, citizen })
            foreach (var path in paths)
            {
                using var response = await visitor.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.RedirectTarget().StartsWith("/error/403"),
                    $"{path} answered {(int)response.StatusCode} {response.Headers.Location}.");
            }

        var elsewhere = await app.CreateOrganizationAsync();
        var foreign = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(elsewhere, Roles.OrganizationAdmin));
        foreach (var path in paths[2..3].Append($"/intranet/personen/fragen/{questionId}"))
        {
            using var response = await foreign.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.DoesNotContain(staff.DisplayName, (await foreign.GetPageAsync("/intranet/personen")).MainText());
        // A colleague without a profile (a guest has none either) is not found.
        var noProfile = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        using var missing = await client.GetAsync($"/intranet/personen/{noProfile.Id}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class SqlitePeopleTests(SqliteApp app) : PeopleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPeopleTests(PostgresApp app) : PeopleTests(app), IClassFixture<PostgresApp>;
