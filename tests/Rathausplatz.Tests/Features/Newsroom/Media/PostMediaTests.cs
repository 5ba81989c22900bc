using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom.Media;
using Rathausplatz.Tests.Support;
using SkiaSharp;

namespace Rathausplatz.Tests.Features.Newsroom.Media;

/// <summary>Images and PDFs of posts: what uploads are taken, what is stored of them, who gets the files, and how pages show them.</summary>
public abstract class PostMediaTests(RathausplatzApp app)
{
    private const string Alt = "Der Rathausplatz von Süden, mit Marktständen";

    [Fact]
    public async Task AJpegIsStoredUprightNoWiderThanTheTargetsAndWithoutExifOrGps()
    {
        var (editor, client, id, _) = await DraftAsync();
        // Stored 2000 × 1000, left red, right blue; EXIF orientation 6 says: turn a quarter clockwise to view.
        var photo = TestImages.JpegWithExif(2000, 1000, orientation: 6);
        Assert.Equal(SKEncodedOrigin.RightTop, TestImages.Read(photo, 0, 0).Origin); // the fixture's EXIF is valid
        Assert.True(photo.AsSpan().IndexOf(TestImages.GpsSecondsBytes) >= 0);

        using var response = await UploadImageAsync(client, id, "IMG_0001.JPG", "image/jpeg", photo);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var image = await ImageAsync(editor, id);
        Assert.Equal(Alt, image.AltText);
        Assert.Equal((1000, 2000), (image.Width, image.Height));
        Assert.Equal([480, 480, 960, 960, 1000, 1000], image.Variants.Select(v => v.Width).Order());
        Assert.Equal(3, image.Variants.Count(v => v.ContentType == "image/webp"));
        foreach (var variant in image.Variants)
        {
            var bytes = variant.Bytes;
            Assert.Equal(variant.ContentType, ImageProcessor.Sniff(bytes));
            Assert.True(bytes.AsSpan().IndexOf("Exif"u8) < 0, $"{variant.Width} {variant.ContentType} carries EXIF");
            Assert.True(bytes.AsSpan().IndexOf("EXIF"u8) < 0, $"{variant.Width} {variant.ContentType} carries an EXIF chunk");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(TestImages.SecretDescription)) < 0);
            Assert.True(bytes.AsSpan().IndexOf(TestImages.GpsSecondsBytes) < 0);
            var top = TestImages.Read(bytes, 0.5f, 0.25f);
            var bottom = TestImages.Read(bytes, 0.5f, 0.75f);
            Assert.Equal(SKEncodedOrigin.TopLeft, top.Origin);
            Assert.Equal((variant.Width, variant.Height), (top.Width, top.Height));
            Assert.Equal(variant.Width * 2, variant.Height);
            Assert.True(TestImages.IsClose(top.Colour, TestImages.Red), $"top of {variant.Width} is {top.Colour}");
            Assert.True(TestImages.IsClose(bottom.Colour, TestImages.Blue), $"bottom of {variant.Width} is {bottom.Colour}");
        }
    }

    [Fact]
    public async Task PngAndWebpAreTakenAndSmallImagesAreNotEnlarged()
    {
        var (editor, client, id, _) = await DraftAsync();

        using var png = await UploadImageAsync(client, id, "plan.png", "image/png", TestImages.Png(300, 200));
        using var webp = await UploadImageAsync(client, id, "foto", "application/octet-stream", TestImages.Webp(1200, 600));

        Assert.Equal(HttpStatusCode.Redirect, png.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, webp.StatusCode);
        await using var scope = app.InOrganization(editor.Organization);
        var widths = await scope.Db.Set<PostImage>().Where(i => i.PostId == id).OrderBy(i => i.Position)
            .Select(i => i.Variants.Where(v => v.ContentType == "image/jpeg").OrderBy(v => v.Width).Select(v => v.Width).ToList()).ToListAsync();
        Assert.Equal([[300], [480, 960, 1200]], widths);
    }

    [Theory]
    [InlineData("urlaub.jpg", "image/jpeg", "Das ist nur Text mit der Endung .jpg.")]
    [InlineData("wappen.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("animation.gif", "image/gif", "GIF89a")]
    public async Task AFileThatIsNoJpegPngOrWebpIsRefused(string fileName, string contentType, string content)
    {
        var (editor, client, id, _) = await DraftAsync();

        using var response = await UploadImageAsync(client, id, fileName, contentType, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Die Datei ist kein JPEG-, PNG- oder WebP-Bild."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal(0, await ImageCountAsync(editor, id));
    }

    [Fact]
    public async Task ATruncatedJpegIsRefused()
    {
        var (editor, client, id, _) = await DraftAsync();
        var photo = TestImages.JpegWithExif(800, 600, orientation: 1);

        using var response = await UploadImageAsync(client, id, "kaputt.jpg", "image/jpeg", photo[..(photo.Length / 2)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Die Bilddatei ist beschädigt oder unvollständig und lässt sich nicht lesen."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal(0, await ImageCountAsync(editor, id));
    }

    [Fact]
    public async Task AnImageOverFifteenMebibytesIsRefusedWith413AndAMessage()
    {
        var (editor, client, id, _) = await DraftAsync();
        var huge = new byte[AddImage.MaxBytes + 1];
        TestImages.Png(10, 10).CopyTo(huge, 0);

        using var response = await UploadImageAsync(client, id, "riesig.png", "image/png", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["Das Bild ist größer als 15 MB. Bitte verkleinern Sie es."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal(0, await ImageCountAsync(editor, id));
    }

    [Fact]
    public async Task ABodyFarOverTheLimitIsRefusedWith413BeforeItIsRead()
    {
        var (_, client, id, _) = await DraftAsync();

        using var response = await UploadImageAsync(client, id, "riesig.png", "image/png", new byte[MediaModel.RequestLimit]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Zu groß", (await response.ReadPageAsync()).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnImageWithoutAltTextIsRefused()
    {
        var (editor, client, id, _) = await DraftAsync();

        using var response = await UploadImageAsync(client, id, "foto.png", "image/png", TestImages.Png(100, 100), alt: "   ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Bitte beschreiben Sie das Bild in einem Alternativtext."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal(0, await ImageCountAsync(editor, id));
    }

    [Fact]
    public async Task ADraftsFilesAreHiddenFromThePublicUntilItIsPublished()
    {
        var (editor, client, id, slug) = await DraftAsync();
        await UploadImageAsync(client, id, "foto.png", "image/png", TestImages.Png(600, 400));
        await UploadPdfAsync(client, id, "Hausordnung der Stadthalle", MinimalPdf);
        var media = await client.GetPageAsync($"/newsroom/{id}/medien");
        var imageUrl = media.QuerySelector("main img")!.GetAttribute("src")!;
        var pdfUrl = media.QuerySelector("main a[type='application/pdf']")!.GetAttribute("href")!;
        var anonymous = app.CreateClient(editor.Organization);

        using var editorsView = await client.GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, editorsView.StatusCode);
        Assert.Contains("no-store", editorsView.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(imageUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(pdfUrl)).StatusCode);

        await app.PublishAsync(editor, id);

        using var image = await anonymous.GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.True(image.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), image.Headers.CacheControl.MaxAge);
        Assert.Contains("immutable", image.Headers.CacheControl.ToString());
        Assert.NotNull(image.Headers.ETag);
        using var again = new HttpRequestMessage(HttpMethod.Get, imageUrl);
        again.Headers.IfNoneMatch.Add(image.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(pdfUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/aktuelles/{slug}")).StatusCode);
        var wrongHash = System.Text.RegularExpressions.Regex.Replace(imageUrl, "-[0-9a-f]{16}\\.", "-0000000000000000.");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(wrongHash)).StatusCode);
    }

    [Fact]
    public async Task AnotherOrganizationsHostDoesNotServeTheFiles()
    {
        var (editor, client, id, _) = await DraftAsync();
        await UploadImageAsync(client, id, "foto.png", "image/png", TestImages.Png(600, 400));
        await UploadPdfAsync(client, id, "Satzung", MinimalPdf);
        await app.PublishAsync(editor, id);
        var media = await client.GetPageAsync($"/newsroom/{id}/medien");
        var imageUrl = media.QuerySelector("main img")!.GetAttribute("src")!;
        var pdfUrl = media.QuerySelector("main a[type='application/pdf']")!.GetAttribute("href")!;
        var elsewhere = app.CreateClient(await app.CreateOrganizationAsync());

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(editor.Organization).GetAsync(imageUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(imageUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(pdfUrl)).StatusCode);
    }

    [Fact]
    public async Task APdfIsAttachedListedWithTypeAndSizeAndServedAsADownload()
    {
        var (editor, client, id, slug) = await DraftAsync();
        var pdf = MinimalPdf.Concat(new byte[1500]).ToArray();

        using var response = await UploadPdfAsync(client, id, "Hausordnung der Stadthalle", pdf);
        await app.PublishAsync(editor, id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await app.CreateClient(editor.Organization).GetPageAsync($"/aktuelles/{slug}");
        var link = page.QuerySelector("main a[type='application/pdf']");
        Assert.NotNull(link);
        Assert.Equal("Hausordnung der Stadthalle (PDF, 2 KB)", Normalise(link.TextContent));
        using var file = await app.CreateClient(editor.Organization).GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("hausordnung-der-stadthalle.pdf", file.Content.Headers.ContentDisposition.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal(["nosniff"], file.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("satzung.pdf", "application/pdf", "Kein PDF, nur Text.")]
    [InlineData("satzung.pdf", "application/pdf", "<html><script>alert(1)</script></html>")]
    public async Task AFileThatIsNoPdfIsRefused(string fileName, string contentType, string content)
    {
        var (editor, client, id, _) = await DraftAsync();

        using var response = await (await client.GetPageAsync($"/newsroom/{id}/medien")).FormWithButton("PDF hochladen")
            .Set("NewAttachment.Title", "Satzung").Attach("AttachmentFile", fileName, contentType, Encoding.UTF8.GetBytes(content)).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Die Datei ist kein PDF-Dokument."], (await response.ReadPageAsync()).ErrorMessages());
        await using var scope = app.InOrganization(editor.Organization);
        Assert.False(await scope.Db.Set<PostAttachment>().AnyAsync(a => a.PostId == id));
    }

    [Fact]
    public async Task APdfWithoutTitleIsRefused()
    {
        var (_, client, id, _) = await DraftAsync();

        using var response = await UploadPdfAsync(client, id, "", MinimalPdf);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Bitte geben Sie dem Dokument einen Titel."], (await response.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task TheDetailPageShowsAPictureWithAltTextAndShareAndSearchDataNameTheImage()
    {
        var (editor, client, id, slug) = await DraftAsync();
        await UploadImageAsync(client, id, "platz.jpg", "image/jpeg", TestImages.JpegWithExif(2400, 1600, orientation: 1),
            caption: "Markttag im Mai", credit: "Foto: Anna Muster, CC BY 4.0");
        await UploadImageAsync(client, id, "zweites.png", "image/png", TestImages.Png(800, 600), alt: "Ein Lageplan");
        await app.PublishAsync(editor, id);

        var page = await app.CreateClient(editor.Organization).GetPageAsync($"/aktuelles/{slug}");

        var pictures = page.QuerySelectorAll("main article picture");
        Assert.Equal(2, pictures.Length);
        var lead = pictures[0];
        var img = lead.QuerySelector("img")!;
        Assert.Equal(Alt, img.GetAttribute("alt"));
        Assert.Equal(("1600", "1067"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("image/webp", lead.QuerySelector("source")!.GetAttribute("type"));
        Assert.Matches(@"^/medien/bild/[0-9a-f-]{36}/480-[0-9a-f]{16}\.webp 480w, \S+/960-\S+ 960w, \S+/1600-\S+\.webp 1600w$", lead.QuerySelector("source")!.GetAttribute("srcset"));
        Assert.Contains("960-", img.GetAttribute("src"));
        Assert.NotNull(img.GetAttribute("sizes"));
        Assert.Equal("Markttag im Mai Foto: Anna Muster, CC BY 4.0", Normalise(lead.ParentElement!.QuerySelector("figcaption")!.TextContent));
        Assert.Equal("Ein Lageplan", pictures[1].QuerySelector("img")!.GetAttribute("alt"));

        var ogImage = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Matches(@"^https://[^/]+/medien/bild/\S+/1600-[0-9a-f]{16}\.jpg$", ogImage);
        Assert.Equal(Alt, page.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));
        var data = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var images = data.GetProperty("image").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal(ogImage, images[0]);
        using var served = await app.CreateClient(editor.Organization).GetAsync(new Uri(ogImage).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task ImagesAndAttachmentsAreReorderedAndRemoved()
    {
        var (editor, client, id, _) = await DraftAsync();
        await UploadImageAsync(client, id, "a.png", "image/png", TestImages.Png(100, 100), alt: "Erstes");
        await UploadImageAsync(client, id, "b.png", "image/png", TestImages.Png(100, 100), alt: "Zweites");
        await UploadImageAsync(client, id, "c.png", "image/png", TestImages.Png(100, 100), alt: "Drittes");
        await UploadPdfAsync(client, id, "Satzung", MinimalPdf);
        await UploadPdfAsync(client, id, "Gebührenordnung", MinimalPdf);

        using var up = await (await client.GetPageAsync($"/newsroom/{id}/medien")).FormWithButton("Nach oben: Drittes").SubmitAsync(client);
        using var removed = await (await client.GetPageAsync($"/newsroom/{id}/medien")).FormWithButton("Entfernen: Erstes").SubmitAsync(client);
        using var down = await (await client.GetPageAsync($"/newsroom/{id}/medien")).FormWithButton("Nach unten: Satzung").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var page = await client.GetPageAsync($"/newsroom/{id}/medien");
        Assert.Equal(["Drittes", "Zweites"], page.QuerySelectorAll("main .media-list img").Select(i => i.GetAttribute("alt")));
        Assert.Equal(["Gebührenordnung", "Satzung"], page.QuerySelectorAll("main .media-list a[type='application/pdf']").Select(a => Normalise(a.TextContent).Split(" (")[0]));
        await using var scope = app.InOrganization(editor.Organization);
        Assert.Equal(2, await scope.Db.Set<PostImage>().CountAsync(i => i.PostId == id));
        Assert.Equal(4, await scope.Db.Set<PostImageVariant>().CountAsync(v => scope.Db.Set<PostImage>().Any(i => i.Id == v.ImageId && i.PostId == id)));
    }

    [Fact]
    public async Task AnImagesTextsAreChangedWithoutANewUploadButNeverToAnEmptyAltText()
    {
        var (editor, client, id, _) = await DraftAsync();
        await UploadImageAsync(client, id, "a.png", "image/png", TestImages.Png(100, 100), alt: "Rathaus", caption: "Alt");
        var media = await client.GetPageAsync($"/newsroom/{id}/medien");
        var textsPath = media.QuerySelectorAll("main a").Single(a => Normalise(a.TextContent) == "Texte ändern: Rathaus").GetAttribute("href")!;

        using var empty = await (await client.GetPageAsync(textsPath)).FormWithButton("Texte speichern").Set("Input.AltText", "").SubmitAsync(client);
        using var saved = await (await client.GetPageAsync(textsPath)).FormWithButton("Texte speichern")
            .Set("Input.AltText", "Das Rathaus im Schnee").Set("Input.Caption", "").Set("Input.Credit", "Foto: Stadtarchiv").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Bitte beschreiben Sie das Bild in einem Alternativtext."], (await empty.ReadPageAsync()).ErrorMessages());
        Assert.Equal($"/newsroom/{id}/medien", saved.RedirectTarget());
        var image = await ImageAsync(editor, id);
        Assert.Equal(("Das Rathaus im Schnee", null, "Foto: Stadtarchiv"), (image.AltText, image.Caption, image.Credit));
    }

    [Fact]
    public async Task OnlyEditorsOfTheOrganizationChangeMedia()
    {
        var (editor, client, id, _) = await DraftAsync();
        var page = await client.GetPageAsync($"/newsroom/{id}/medien");
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(editor.Organization, Roles.Citizen));
        var otherEditor = await app.CreateSignedInClientAsync(await app.CreateEditorAsync(await app.CreateOrganizationAsync()));

        using var byCitizen = await citizen.GetAsync($"/newsroom/{id}/medien");
        using var byOtherTownsEditor = await otherEditor.GetAsync($"/newsroom/{id}/medien");
        using var anonymousPost = await app.CreateClient(editor.Organization).PostHandMadeAsync(page, $"/newsroom/{id}/medien?handler=Attachment", ("NewAttachment.Title", "Satzung"));

        Assert.True(byCitizen.StatusCode is HttpStatusCode.Forbidden || byCitizen.Headers.Location?.OriginalString.Contains("/error/403") == true,
            $"Expected 403, got {(int)byCitizen.StatusCode} {byCitizen.Headers.Location}");
        Assert.Equal(HttpStatusCode.NotFound, byOtherTownsEditor.StatusCode);
        Assert.False(anonymousPost.IsSuccessStatusCode);
        Assert.DoesNotContain("/newsroom/", anonymousPost.Headers.Location?.OriginalString ?? "");
        await using var scope = app.InOrganization(editor.Organization);
        Assert.False(await scope.Db.Set<PostAttachment>().AnyAsync(a => a.PostId == id));
    }

    [Fact]
    public async Task UnderFourEyesReviewALivePostsImagesAreNotChangedUnseen()
    {
        var (editor, client, id, _) = await DraftAsync();
        await app.PublishAsync(editor, id);
        await app.SetFourEyesReviewAsync(editor.Organization, true);

        using var response = await UploadImageAsync(client, id, "foto.png", "image/png", TestImages.Png(100, 100));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("zweite Person", Assert.Single((await response.ReadPageAsync()).ErrorMessages()));
        Assert.Equal(0, await ImageCountAsync(editor, id));
    }

    private static readonly byte[] MinimalPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private async Task<(TestUser Editor, HttpClient Client, Guid Id, string Slug)> DraftAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.DraftPostAsync(editor);
        return (editor, await app.CreateSignedInClientAsync(editor), id, slug);
    }

    private static async Task<HttpResponseMessage> UploadImageAsync(HttpClient client, Guid id, string fileName, string contentType, byte[] content,
        string alt = Alt, string? caption = null, string? credit = null)
    {
        var form = (await client.GetPageAsync($"/newsroom/{id}/medien")).FormWithButton("Bild hochladen")
            .Set("NewImage.AltText", alt).Attach("ImageFile", fileName, contentType, content);
        if (caption is not null)
            form.Set("NewImage.Caption", caption);
        if (credit is not null)
            form.Set("NewImage.Credit", credit);
        return await form.SubmitAsync(client);
    }

    private static async Task<HttpResponseMessage> UploadPdfAsync(HttpClient client, Guid id, string title, byte[] content) =>
        await (await client.GetPageAsync($"/newsroom/{id}/medien")).FormWithButton("PDF hochladen")
            .Set("NewAttachment.Title", title).Attach("AttachmentFile", "scan_0042.pdf", "application/pdf", content).SubmitAsync(client);

    private async Task<PostImage> ImageAsync(TestUser editor, Guid postId)
    {
        await using var scope = app.InOrganization(editor.Organization);
        return await scope.Db.Set<PostImage>().AsNoTracking().Include(i => i.Variants).SingleAsync(i => i.PostId == postId);
    }

    private async Task<int> ImageCountAsync(TestUser editor, Guid postId)
    {
        await using var scope = app.InOrganization(editor.Organization);
        return await scope.Db.Set<PostImage>().CountAsync(i => i.PostId == postId);
    }

    private static string Normalise(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " ").Trim();
}

public sealed class SqlitePostMediaTests(SqliteApp app) : PostMediaTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPostMediaTests(PostgresApp app) : PostMediaTests(app), IClassFixture<PostgresApp>;
