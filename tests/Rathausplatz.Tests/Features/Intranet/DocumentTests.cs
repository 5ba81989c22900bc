using System.Net;
using System.Text;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Tests.Features.Newsroom.Media;
using Rathausplatz.Tests.Support;
using SkiaSharp;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// Documents of a space: upload, versions, download (attachment, nosniff) and preview (a PDF inline and framable by
/// our pages only; an image re-encoded without EXIF); the type is what the bytes show; oversized files and files
/// that pretend are refused with clear messages; hostile names made harmless; another organisation's file is not found.
/// </summary>
public abstract class DocumentTests(RathausplatzApp app)
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private async Task<(TestSpace Space, TestUser Guest, HttpClient Client)> SpaceWithGuestAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner, JoinPolicy.InvitationOnly);
        var guest = await app.CreateUserAsync(org, Roles.Guest);
        await app.AddToSpaceAsync(space, guest, SpaceRole.Guest);
        return (space, guest, await app.CreateSignedInClientAsync(guest));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, TestSpace space, string title, string fileName, string type, byte[] bytes) =>
        await (await client.GetPageAsync(space.DocumentsPath)).Form("main form[enctype='multipart/form-data']")
            .Set("Title", title).Attach("file", fileName, type, bytes).SubmitAsync(client);

    [Fact]
    public async Task AGuestUploadsAPdfAndANewVersionBothDownloadableThePreviewInline()
    {
        var (space, _, client) = await SpaceWithGuestAsync();
        using var uploaded = await UploadAsync(client, space, "Pflanzplan", "pflanzplan entwurf.pdf", "application/pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var documentId = (await app.DocumentsAsync(space)).Single().Document.Id;
        Assert.Equal(space.DocumentPath(documentId), uploaded.RedirectTarget());

        var second = Pdf.Concat("% Fassung 2\n"u8.ToArray()).ToArray();
        var page = await client.GetPageAsync(space.DocumentPath(documentId));
        Assert.Equal($"{space.FilePath(documentId, 1)}/vorschau", page.QuerySelector(".document-preview iframe")!.GetAttribute("src"));
        using var versioned = await page.Form("form[action*='handler=Version']").Attach("file", "pflanzplan.pdf", "application/pdf", second).SubmitAsync(client);
        Assert.Equal(space.DocumentPath(documentId), versioned.RedirectTarget());

        var versions = (await app.DocumentsAsync(space)).Single().Versions;
        Assert.Equal([(1, "pflanzplan entwurf.pdf", "application/pdf"), (2, "pflanzplan.pdf", "application/pdf")],
            versions.Select(v => (v.Number, v.FileName, v.ContentType)));
        using var old = await client.GetAsync(space.FilePath(documentId, 1));
        using var latest = await client.GetAsync(space.FilePath(documentId, 2));
        Assert.Equal(Pdf, await old.Content.ReadAsByteArrayAsync());
        Assert.Equal(second, await latest.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", latest.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", latest.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", latest.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", latest.Headers.CacheControl!.ToString());
        Assert.Contains("frame-ancestors 'none'", latest.Headers.GetValues("Content-Security-Policy").Single());

        using var preview = await client.GetAsync(space.FilePath(documentId, 2) + "/vorschau");
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'self'", preview.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", preview.Headers.GetValues("X-Content-Type-Options").Single());

        var shown = await client.GetPageAsync(space.DocumentPath(documentId));
        Assert.Equal(2, shown.QuerySelectorAll(".version-list li").Length);
        using var commented = await shown.Form("form[action*='handler=Comment']").Set("Body", "Sieht gut aus, **danke**!").SubmitAsync(client);
        Assert.Equal("danke", (await client.GetPageAsync(space.DocumentPath(documentId))).QuerySelector(".stream-comment strong")!.TextContent);
    }

    [Fact]
    public async Task ItsUploaderOrAnOwnerDeletesADocumentWithAllVersions()
    {
        var (space, _, guest) = await SpaceWithGuestAsync();
        var colleague = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        await app.AddToSpaceAsync(space, colleague, SpaceRole.Member);
        var member = await app.CreateSignedInClientAsync(colleague);
        using var uploaded = await UploadAsync(guest, space, "Pflanzplan", "pflanzplan.pdf", "application/pdf", Pdf);
        var documentId = (await app.DocumentsAsync(space)).Single().Document.Id;

        var seenByMember = await member.GetPageAsync(space.DocumentPath(documentId));
        Assert.Null(seenByMember.QuerySelector("form[action*='handler=Delete']"));
        using var refused = await member.PostHandMadeAsync(seenByMember, space.DocumentPath(documentId) + "?handler=Delete");
        Assert.Equal("/error/403", refused.RedirectTarget().Split('?')[0]);
        Assert.Single(await app.DocumentsAsync(space));

        Assert.Contains("Pflanzplan", (await guest.GetPageAsync("/intranet/suche?q=pflanzplan")).MainText());
        using var deleted = await (await guest.GetPageAsync(space.DocumentPath(documentId))).Form("form[action*='handler=Delete']").SubmitAsync(guest);
        Assert.Equal(space.DocumentsPath, deleted.RedirectTarget());
        Assert.Empty(await app.DocumentsAsync(space));
        Assert.DoesNotContain("Pflanzplan", (await guest.GetPageAsync("/intranet/suche?q=pflanzplan")).MainText().Replace("pflanzplan", ""));
        using var file = await guest.GetAsync(space.FilePath(documentId, 1));
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task AnImageGetsAResizedPreviewWithoutExif()
    {
        var (space, _, client) = await SpaceWithGuestAsync();
        var photo = TestImages.JpegWithExif(2000, 1000, orientation: 1);
        using var uploaded = await UploadAsync(client, space, "Foto vom Park", "park.jpeg", "image/jpeg", photo);
        var documentId = (await app.DocumentsAsync(space)).Single().Document.Id;

        var page = await client.GetPageAsync(space.DocumentPath(documentId));
        Assert.Equal($"{space.FilePath(documentId, 1)}/vorschau", page.QuerySelector(".document-preview img")!.GetAttribute("src"));
        using var preview = await client.GetAsync(space.FilePath(documentId, 1) + "/vorschau");
        var bytes = await preview.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((960, 480), (decoded.Width, decoded.Height));
        Assert.True(bytes.AsSpan().IndexOf("Exif"u8) < 0, "The preview carries EXIF.");
        using var download = await client.GetAsync(space.FilePath(documentId, 1));
        Assert.Equal("park.jpg", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task OversizedFilesAndFilesThatPretendAreRefusedWithClearMessages()
    {
        var (space, _, client) = await SpaceWithGuestAsync();
        var english = await app.CreateSignedInClientAsync((await SpaceWithGuestAsync()).Guest);

        var tooLarge = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(tooLarge);
        using var large = await UploadAsync(client, space, "Riesig", "riesig.pdf", "application/pdf", tooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(["Die Datei ist größer als 20 MB. Bitte verkleinern Sie sie oder teilen Sie sie auf."], (await large.ReadPageAsync()).ErrorMessages());

        const string NotAccepted = "Diese Art von Datei nehmen wir nicht an. Möglich sind PDF, JPEG-, PNG- und WebP-Bilder und Office-Dateien; maßgeblich ist der Inhalt der Datei, nicht ihr Name.";
        (string Name, string Type, byte[] Bytes)[] pretenders =
        [
            ("rechnung.pdf", "application/pdf", "<html><script>alert(1)</script></html>"u8.ToArray()),
            ("foto.jpg", "image/jpeg", "MZ\u0090\0\u0003 ein Programm"u8.ToArray()),
            ("tabelle.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\u0003\u0004 kein Archiv"u8.ToArray()),
            ("brief.doc", "application/msword", "<svg onload=alert(1)>"u8.ToArray()),
        ];
        foreach (var (name, type, bytes) in pretenders)
        {
            using var refused = await UploadAsync(client, space, "Täuschung", name, type, bytes);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal([NotAccepted], (await refused.ReadPageAsync()).ErrorMessages());
        }
        using var broken = await UploadAsync(client, space, "Kaputt", "kaputt.png", "image/png", TestImages.Png(40, 40)[..60]);
        Assert.Equal(["Die Bilddatei ist beschädigt, unvollständig oder zu groß (mehr als 60 Megapixel) und lässt sich nicht lesen."], (await broken.ReadPageAsync()).ErrorMessages());
        using var empty = await UploadAsync(client, space, "Leer", "leer.pdf", "application/pdf", []);
        Assert.Equal(["Bitte wählen Sie eine Datei aus."], (await empty.ReadPageAsync()).ErrorMessages());
        Assert.Empty(await app.DocumentsAsync(space));
    }

    [Fact]
    public async Task HostileFileNamesAreMadeHarmless()
    {
        var (space, _, client) = await SpaceWithGuestAsync();
        (string Uploaded, string Stored)[] names =
        [
            ("../../etc/passwd.pdf", "passwd.pdf"),
            ("C:\\Windows\\system32\\evil.pdf", "evil.pdf"),
            ("rechnung\u202Efdp.exe", "rechnung-fdp.pdf"),
            ("a; filename=x.html.pdf", "a- filename-x.html.pdf"),
            ("Zeile%0D%0AX-Injected: 1.pdf", "Zeile-0D-0AX-Injected- 1.pdf"),
            ("....pdf", "dokument.pdf"),
            ("Gemeinderat Übersicht.exe", "Gemeinderat Übersicht.pdf"),
            (new string('x', 300) + ".pdf", new string('x', 80) + ".pdf"),
        ];
        foreach (var (uploaded, _) in names)
        {
            using var response = await UploadAsync(client, space, "Datei", uploaded, "application/pdf", Pdf);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{uploaded}: {(int)response.StatusCode} {string.Join(" ", (await response.ReadPageAsync()).ErrorMessages())}");
        }
        var documents = await app.DocumentsAsync(space);
        Assert.Equal(names.Select(n => n.Stored), documents.Select(d => d.Versions.Single().FileName));
        foreach (var (document, _) in documents)
        {
            using var download = await client.GetAsync(space.FilePath(document.Id, 1));
            var disposition = download.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.False(download.Headers.Contains("X-Injected"));
        }
    }

    [Fact]
    public async Task AnotherOrganisationsDocumentIsNotFound()
    {
        var (space, guest, client) = await SpaceWithGuestAsync();
        var documentId = await app.AddDocumentAsync(space, guest, "Haushalt", "haushalt.pdf", "application/pdf", Pdf);
        var elsewhere = await app.CreateOrganizationAsync();
        var foreignAdmin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(elsewhere, Roles.OrganizationAdmin));

        foreach (var path in new[] { space.DocumentsPath, space.DocumentPath(documentId), space.FilePath(documentId, 1), space.FilePath(documentId, 1) + "/vorschau" })
        {
            using var response = await foreignAdmin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }
        // The same document through another space of the same town is not found either.
        var other = await app.CreateSpaceAsync(await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff));
        await app.AddToSpaceAsync(other, guest, SpaceRole.Guest);
        using var elsewhereInTown = await client.GetAsync(other.FilePath(documentId, 1));
        Assert.Equal(HttpStatusCode.NotFound, elsewhereInTown.StatusCode);
    }
}

public sealed class SqliteDocumentTests(SqliteApp app) : DocumentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDocumentTests(PostgresApp app) : DocumentTests(app), IClassFixture<PostgresApp>;
