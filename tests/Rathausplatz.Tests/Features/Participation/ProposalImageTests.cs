using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Tests.Features.Newsroom.Media;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Images on proposals through the form, as a browser without script sends them: up to three, each with its alt
/// text, re-encoded without EXIF or GPS; bad files refused in the person's language with nothing stored; shown on
/// the proposal page, hidden by moderators, and not reachable from another town.
/// </summary>
public abstract class ProposalImageTests(RathausplatzApp app)
{
    private async Task<(TestOrganization Org, ParticipationProcess Process, TestUser Citizen, HttpClient Client)> TownAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        return (org, process, citizen, await app.CreateSignedInClientAsync(citizen));
    }

    private static async Task<HtmlForm> FormAsync(HttpClient client, ParticipationProcess process) =>
        (await client.GetPageAsync($"/beteiligung/{process.Slug}/vorschlagen")).Form("main form")
            .Set("Title", "Ein Spielplatz").Set("Body", "Auf der Wiese hinter der Schule.").Set("AcceptsNetiquette", "true");

    private async Task<int> CountAsync<T>(TestOrganization org) where T : class
    {
        await using var scope = app.InOrganization(org);
        return await scope.Db.Set<T>().CountAsync();
    }

    [Fact]
    public async Task ImagesGoInWithTheirAltTextAndWithoutExifAndShowOnTheProposal()
    {
        var (org, process, _, client) = await TownAsync();

        using var made = await (await FormAsync(client, process))
            .Attach("bild1", "IMG_0001.JPG", "image/jpeg", TestImages.JpegWithExif(1200, 800, orientation: 1)).Set("bild1-alt", "Leere Wiese hinter der Schule")
            .Attach("bild3", "plan.png", "image/png", TestImages.Png(400, 300)).Set("bild3-alt", "Skizze des Spielplatzes")
            .SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await app.CreateClient(org).GetPageAsync(made.RedirectTarget());
        var images = page.QuerySelectorAll(".proposal-images img");
        Assert.Equal(["Leere Wiese hinter der Schule", "Skizze des Spielplatzes"], images.Select(i => i.GetAttribute("alt")).ToList());
        var src = images[0].GetAttribute("src")!;
        using var served = await app.CreateClient(org).GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().IndexOf(TestImages.GpsSecondsBytes) < 0);
        Assert.True(bytes.AsSpan().IndexOf("Exif"u8) < 0);
        Assert.True(TestImages.Read(bytes, 0.1f, 0.5f).Width <= 1600);

        // Another town's host does not know the image.
        var other = await app.CreateOrganizationAsync();
        using var foreign = await app.CreateClient(other).GetAsync(src);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task BadImagesAreRefusedInGermanAndEnglishAndNothingIsStored()
    {
        var (org, process, citizen, client) = await TownAsync();
        var english = await app.CreateSignedInClientAsync(citizen);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var damaged = TestImages.JpegWithExif(600, 400, orientation: 1)[..400];

        using var refused = await (await FormAsync(client, process))
            .Attach("bild1", "brief.pdf", "image/jpeg", "%PDF-1.7 kein Bild"u8.ToArray()).Set("bild1-alt", "Ein Brief")
            .Attach("bild2", "kaputt.jpg", "image/jpeg", damaged).Set("bild2-alt", "Kaputt")
            .Attach("bild3", "ohne.png", "image/png", TestImages.Png(100, 100))
            .SubmitAsync(client);
        using var tooBig = await (await FormAsync(client, process))
            .Attach("bild1", "riesig.jpg", "image/jpeg", new byte[ProposalImage.MaxBytes + 1]).Set("bild1-alt", "Riesig")
            .SubmitAsync(client);
        using var englishRefused = await (await FormAsync(english, process))
            .Attach("bild2", "ohne.png", "image/png", TestImages.Png(100, 100))
            .SubmitAsync(english);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            ["Bild 2 ist beschädigt und kann nicht gelesen werden.",
                "Bitte beschreiben Sie Bild 3 für Menschen, die es nicht sehen können (Alternativtext).",
                "Die Datei 1 ist kein Bild (JPEG, PNG oder WebP)."],
            (await refused.ReadPageAsync()).ErrorMessages().Order(StringComparer.Ordinal).ToList());
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal(["Bild 1 ist zu groß (höchstens 10 MB und 60 Megapixel)."], (await tooBig.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, englishRefused.StatusCode);
        Assert.Equal(["Please describe image 2 for people who cannot see it (alt text)."], (await englishRefused.ReadPageAsync()).ErrorMessages());
        Assert.Equal(0, await CountAsync<Proposal>(org));
        Assert.Equal(0, await CountAsync<ProposalImage>(org));
        Assert.Null(await app.FindNetiquetteAcceptanceAsync(citizen));
    }

    [Fact]
    public async Task ARefusedFormWithImagesAsksToChooseThemAgainWhateverWasWrong()
    {
        var (_, process, _, client) = await TownAsync();
        const string chooseAgain = "Bitte wählen Sie die Bilder erneut aus.";

        using var altMissing = await (await FormAsync(client, process))
            .Attach("bild1", "plan.png", "image/png", TestImages.Png(400, 300))
            .SubmitAsync(client);
        using var titleMissing = await (await FormAsync(client, process)).Set("Title", "")
            .Attach("bild1", "plan.png", "image/png", TestImages.Png(400, 300)).Set("bild1-alt", "Skizze des Spielplatzes")
            .SubmitAsync(client);
        using var withoutImages = await (await FormAsync(client, process)).Set("Title", "")
            .SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, altMissing.StatusCode);
        var altPage = await altMissing.ReadPageAsync();
        Assert.Equal(["Bitte beschreiben Sie Bild 1 für Menschen, die es nicht sehen können (Alternativtext)."], altPage.ErrorMessages());
        Assert.Contains(chooseAgain, altPage.QuerySelector(".proposal-image-fields")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, titleMissing.StatusCode);
        var titlePage = await titleMissing.ReadPageAsync();
        Assert.Equal("Skizze des Spielplatzes", titlePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#bild1-alt")!.Value);
        Assert.Contains(chooseAgain, titlePage.QuerySelector(".proposal-image-fields")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, withoutImages.StatusCode);
        Assert.DoesNotContain(chooseAgain, (await withoutImages.ReadPageAsync()).QuerySelector(".proposal-image-fields")!.TextContent);
    }

    [Fact]
    public async Task AModeratorHidesAnImageWithAReasonAndOthersMayNot()
    {
        var (org, process, _, client) = await TownAsync();
        using var made = await (await FormAsync(client, process))
            .Attach("bild1", "auto.jpg", "image/jpeg", TestImages.JpegWithExif(800, 600, orientation: 1)).Set("bild1-alt", "Ein Auto mit Kennzeichen")
            .SubmitAsync(client);
        var path = made.RedirectTarget();
        var moderatorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Moderator);
        var moderator = await app.CreateSignedInClientAsync(moderatorUser);
        var visitor = app.CreateClient(org);
        var src = (await visitor.GetPageAsync(path)).QuerySelector(".proposal-images img")!.GetAttribute("src")!;

        var own = await client.GetPageAsync(path);
        Assert.Null(own.QuerySelector("form[action*='handler=HideImage']"));
        var modPage = await moderator.GetPageAsync(path);
        var hideForm = modPage.Form("form[action*='handler=HideImage']");
        using var forced = await client.PostHandMadeAsync(own, modPage.QuerySelector("form[action*='handler=HideImage']")!.GetAttribute("action")!, ("reason", "Kennzeichen"));
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Contains("/error/403", forced.Headers.Location!.OriginalString);
        using var noReason = await hideForm.SubmitAsync(moderator);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Bitte geben Sie einen Grund an."], (await noReason.ReadPageAsync()).ErrorMessages());

        using var hidden = await hideForm.Set("reason", "Kennzeichen erkennbar").SubmitAsync(moderator);

        Assert.Equal(path, hidden.RedirectTarget());
        var publicPage = await visitor.GetPageAsync(path);
        Assert.Empty(publicPage.QuerySelectorAll(".proposal-images img"));
        Assert.Contains("Bild von der Moderation ausgeblendet: Kennzeichen erkennbar", publicPage.MainText());
        using (var gone = await visitor.GetAsync(src))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var forModerator = await moderator.GetAsync(src))
        {
            Assert.Equal(HttpStatusCode.OK, forModerator.StatusCode);
            Assert.Contains("no-store", forModerator.Headers.CacheControl!.ToString());
        }
        await using var scope = app.InOrganization(org);
        var action = await scope.Db.Set<ModerationAction>().AsNoTracking().SingleAsync();
        Assert.Equal((ModerationDecision.Hidden, moderatorUser.Id, "Kennzeichen erkennbar"), (action.Decision, action.ActorId, action.Reason));
        Assert.NotNull(action.ImageId);
    }
}

public sealed class SqliteProposalImageTests(SqliteApp app) : ProposalImageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProposalImageTests(PostgresApp app) : ProposalImageTests(app), IClassFixture<PostgresApp>;
