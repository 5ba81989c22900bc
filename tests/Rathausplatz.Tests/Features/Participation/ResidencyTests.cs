using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Surveys;
using Rathausplatz.Features.Participation.Verification;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Residency for "one person, one vote": codes printed into letters (a code confirms one account, never a
/// second, whatever races), confirmation at the counter (one person, one account), and processes that
/// count only confirmed residents.
/// </summary>
public abstract class ResidencyTests(RathausplatzApp app)
{
    private const string ResidencyPage = "/beteiligung/wohnsitz";
    private const string DeskPage = "/beteiligung/verwaltung/wohnsitz";

    /// <summary>A print run made through the back office's form; the codes as the letter shop's CSV has them.</summary>
    private async Task<List<string>> PrintCodesAsync(TestOrganization org, int count, string batch = "Bürgerhaushalt 2027")
    {
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        var desk = await editor.GetPageAsync(DeskPage);
        using var response = await desk.FormWithButton("Codes erstellen und herunterladen").Set("Batch", batch).Set("Count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)).SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nr;Code;Auflage", lines[0]);
        return lines[1..].Select(line => line.Split(';')[1].Trim('"')).ToList();
    }

    private static async Task<HttpResponseMessage> RedeemAsync(HttpClient client, string code)
    {
        var page = await client.GetPageAsync(ResidencyPage);
        return await page.Form().Set("Code", code).SubmitAsync(client);
    }

    private async Task<ResidentVerification?> VerificationAsync(TestUser user)
    {
        await using var scope = app.InOrganization(user.Organization);
        return await scope.Db.Set<ResidentVerification>().AsNoTracking().SingleOrDefaultAsync(v => v.UserId == user.Id);
    }

    [Fact]
    public async Task ALettersCodeConfirmsOneAccountAndNoOther()
    {
        var org = await app.CreateOrganizationAsync();
        var codes = await PrintCodesAsync(org, 3);
        var first = await app.CreateUserAsync(org, Roles.Citizen);
        var second = await app.CreateUserAsync(org, Roles.Citizen);
        var firstClient = await app.CreateSignedInClientAsync(first);
        var secondClient = await app.CreateSignedInClientAsync(second);

        // Typed from paper: lower case, spaces instead of dashes.
        using var redeemed = await RedeemAsync(firstClient, codes[0].ToLowerInvariant().Replace('-', ' '));
        using var again = await RedeemAsync(secondClient, codes[0]);

        Assert.Equal(3, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$", c));
        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.Contains("Ihr Wohnsitz ist bestätigt (mit dem Code aus Ihrem Brief).", (await firstClient.GetPageAsync(ResidencyPage)).MainText());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["Dieser Code wurde schon für ein anderes Konto eingelöst. Jeder Code gilt einmal; wenden Sie sich bei Fragen an das Bürgerbüro."],
            (await again.ReadPageAsync()).ErrorMessages());
        Assert.Equal(ResidencyCheck.Code, (await VerificationAsync(first))!.Method);
        Assert.Null(await VerificationAsync(second));
        // Only hashes are kept: no code of the letters is readable in the database.
        await using var scope = app.InOrganization(org);
        var stored = await scope.Db.Set<ResidencyCode>().AsNoTracking().ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.All(stored, c => Assert.DoesNotContain(c.CodeHash, codes.Select(code => code.Replace("-", "", StringComparison.Ordinal))));
        Assert.Equal(first.Id, Assert.Single(stored, c => c.RedeemedById is not null).RedeemedById);
    }

    [Fact]
    public async Task TenAccountsRacingForOneCodeConfirmOneAndOneAccountWithTwoCodesUsesOne()
    {
        var org = await app.CreateOrganizationAsync();
        var codes = await PrintCodesAsync(org, 3);
        var racers = new List<TestUser>();
        for (var i = 0; i < 10; i++)
            racers.Add(await app.CreateUserAsync(org, Roles.Citizen));
        var twoCodes = await app.CreateUserAsync(org, Roles.Citizen);

        var outcomes = await Task.WhenAll(racers.Select(r => RedeemInScopeAsync(org, r, codes[0])));
        var doubled = await Task.WhenAll(RedeemInScopeAsync(org, twoCodes, codes[1]), RedeemInScopeAsync(org, twoCodes, codes[2]));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(ResidencyProblem.CodeUsed, o));
        Assert.Single(doubled, o => o is null);
        Assert.Equal(ResidencyProblem.AlreadyResident, doubled.Single(o => o is not null));
        await using var scope = app.InOrganization(org);
        Assert.Equal(2, await scope.Db.Set<ResidentVerification>().CountAsync());
        // The losing code went back: it is unused and still works for someone else.
        Assert.Equal(2, await scope.Db.Set<ResidencyCode>().CountAsync(c => c.RedeemedById != null));
    }

    private async Task<ResidencyProblem?> RedeemInScopeAsync(TestOrganization org, TestUser user, string code)
    {
        await using var scope = app.InOrganization(org);
        return await scope.Get<VerifyResidency>().RedeemAsync(user.Id, code, CancellationToken.None);
    }

    [Fact]
    public async Task BadCodesAreRefusedInTheUsersLanguage()
    {
        var org = await app.CreateOrganizationAsync();
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        var german = await app.CreateSignedInClientAsync(citizen);
        var english = await app.CreateSignedInClientAsync(citizen);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var shortCode = await RedeemAsync(german, "ABC");
        using var unknown = await RedeemAsync(english, "ABCD-EFGH-JKMN");
        using var huge = await RedeemAsync(german, new string('A', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, shortCode.StatusCode);
        Assert.Equal(["Diesen Code kennen wir nicht. Bitte prüfen Sie ihn: zwölf Zeichen, zum Beispiel ABCD-EFGH-JKMN."], (await shortCode.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["We do not know this code. Please check it: twelve characters, for example ABCD-EFGH-JKMN."], (await unknown.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Null(await VerificationAsync(citizen));
    }

    [Fact]
    public async Task TheCounterConfirmsAPersonForOneAccountAndStoresNoName()
    {
        var org = await app.CreateOrganizationAsync();
        var clerk = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Staff));
        var first = await app.CreateUserAsync(org, Roles.Citizen);
        var second = await app.CreateUserAsync(org, Roles.Citizen);

        async Task<HttpResponseMessage> ConfirmAsync(string email, string name, string birthDate)
        {
            var desk = await clerk.GetPageAsync(DeskPage);
            Assert.Null(desk.QuerySelector("form[action*='handler=Codes']"));
            return await desk.Form("form[action*='handler=Counter']").Set("Email", email).Set("FullName", name).Set("BirthDate", birthDate).SubmitAsync(clerk);
        }

        using var confirmed = await ConfirmAsync(first.Email, "Erika  Mustermann", "1964-08-12");
        using var samePerson = await ConfirmAsync(second.Email, "erika mustermann", "1964-08-12");
        using var bornTomorrow = await ConfirmAsync(second.Email, "Max Mustermann", app.TownToday.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using var noName = await ConfirmAsync(second.Email, " ", "1970-01-01");
        using var noAccount = await ConfirmAsync("niemand@example.org", "Max Mustermann", "1970-01-01");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = (await VerificationAsync(first))!;
        Assert.Equal(ResidencyCheck.Counter, stored.Method);
        Assert.Matches("^[0-9a-f]{64}$", stored.IdentityHash);
        Assert.Equal(HttpStatusCode.BadRequest, samePerson.StatusCode);
        Assert.Equal(["Für diese Person ist schon ein anderes Konto bestätigt. Eine Person, eine Stimme."], (await samePerson.ReadPageAsync()).ErrorMessages());
        Assert.Equal(["Bitte geben Sie ein gültiges Geburtsdatum an."], (await bornTomorrow.ReadPageAsync()).ErrorMessages());
        Assert.Equal(["Bitte geben Sie den Namen wie im Ausweis an (höchstens 200 Zeichen)."], (await noName.ReadPageAsync()).ErrorMessages());
        Assert.Equal(["Ein Konto mit dieser E-Mail-Adresse gibt es nicht."], (await noAccount.ReadPageAsync()).ErrorMessages());
        Assert.Null(await VerificationAsync(second));
    }

    [Fact]
    public async Task OnlyStaffReachTheDeskAndOnlyEditorsPrintCodes()
    {
        var org = await app.CreateOrganizationAsync();
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var clerk = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Staff));
        var visitor = app.CreateClient(org);
        var clerkDesk = await clerk.GetPageAsync(DeskPage);

        using var citizenDesk = await citizen.GetAsync(DeskPage);
        using var visitorPage = await visitor.GetAsync(ResidencyPage);
        using var clerkPrints = await clerk.PostHandMadeAsync(clerkDesk, DeskPage + "?handler=Codes", ("Batch", "x"), ("Count", "5"));
        using var forged = await citizen.PostAsync(ResidencyPage, new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "ABCD-EFGH-JKMN" }));

        Assert.StartsWith("/error/403", citizenDesk.RedirectTarget(), StringComparison.Ordinal);
        Assert.StartsWith("/accounts/signin", visitorPage.RedirectTarget(), StringComparison.Ordinal);
        Assert.StartsWith("/error/403", clerkPrints.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var scope = app.InOrganization(org);
        Assert.Equal(0, await scope.Db.Set<ResidencyCode>().CountAsync());
    }

    [Fact]
    public async Task AResidentsOnlyProcessCountsSupportsOfConfirmedResidentsOnly()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org, new ProcessSpec { ResidentsOnly = true });
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        var codes = await PrintCodesAsync(org, 1);
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var path = RathausplatzApp.ProposalPath(process, proposal.Id);

        var before = await citizen.GetPageAsync(path);
        using var refused = await citizen.PostHandMadeAsync(before, path + "?handler=Support");
        var link = before.QuerySelectorAll("main a").Single(a => a.TextContent == "Wohnsitz bestätigen").GetAttribute("href")!;
        var residency = await citizen.GetPageAsync(link);
        using var redeemed = await residency.FormWithButton("Wohnsitz bestätigen").Set("Code", codes[0]).SubmitAsync(citizen);
        var after = await citizen.GetPageAsync(path);
        using var counted = await after.FormWithButton("Vorschlag unterstützen").SubmitAsync(citizen);

        Assert.Null(before.QuerySelector("main form[action*='handler=Support']"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["In diesem Verfahren zählen nur Stimmen von Einwohnerinnen und Einwohnern. Bitte bestätigen Sie zuerst Ihren Wohnsitz."],
            (await refused.ReadPageAsync()).ErrorMessages());
        Assert.Equal(path, redeemed.RedirectTarget());
        Assert.Equal(HttpStatusCode.Redirect, counted.StatusCode);
        var (stored, rows) = await app.FindProposalAsync(org, proposal.Id);
        Assert.Equal((1, 1), (stored.SupportCount, rows));
    }

    [Fact]
    public async Task BallotsAndSurveyAnswersInAResidentsOnlyProcessNeedConfirmedResidency()
    {
        var org = await app.CreateOrganizationAsync();
        var district = await app.AddDistrictAsync(org, "Nordstadt");
        var budget = await app.CreateBudgetProcessAsync(org);
        var project = await app.AddProjectAsync(org, budget, "Spielplatz", "20.000");
        var survey = await app.CreateSurveyAsync(org);
        await using (var scope = app.InOrganization(org))
            await scope.Db.Set<ParticipationProcess>().Where(p => p.Id == budget.Id || p.Id == survey.Process.Id)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.ResidentsOnly, true));
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        var code = (await PrintCodesAsync(org, 1))[0];

        async Task<(BallotOutcome, AnswerOutcome)> TakePartAsync()
        {
            await using var scope = app.InOrganization(org);
            var ballot = await scope.Get<CastBallot>().RunAsync(
                new CastBallotInput { ProcessSlug = budget.Slug, UserId = citizen.Id, ProjectIds = [project.Id], District = district.Slug }, CancellationToken.None);
            var answer = await scope.Get<AnswerSurvey>().RunAsync(survey.Survey.Id, citizen.Id,
                new Dictionary<string, string[]> { [AnswerSurvey.FieldName(survey.Single.Id)] = ["0"] }, CancellationToken.None);
            return (ballot.Outcome, answer.Outcome);
        }

        var before = await TakePartAsync();
        Assert.Null(await RedeemInScopeAsync(org, citizen, code));
        var after = await TakePartAsync();

        Assert.Equal((BallotOutcome.ResidencyRequired, AnswerOutcome.ResidencyRequired), before);
        Assert.Equal((BallotOutcome.Cast, AnswerOutcome.Saved), after);
    }
}

public sealed class SqliteResidencyTests(SqliteApp app) : ResidencyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresResidencyTests(PostgresApp app) : ResidencyTests(app), IClassFixture<PostgresApp>;
