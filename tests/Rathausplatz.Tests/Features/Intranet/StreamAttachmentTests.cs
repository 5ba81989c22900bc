using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Tests.Features.Newsroom.Media;
using Rathausplatz.Tests.Support;
using SkiaSharp;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// Files on stream posts: chosen in the post form (no script), checked like documents, shown as thumbnails or links,
/// downloaded behind the space's permission check, refused with German messages and then nothing stored, and gone
/// (rows and bytes) with their post.
/// </summary>
public abstract class StreamAttachmentTests(RathausplatzApp app)
{
    public static readonly byte[] Png = TestImages.Png(40, 30);

    private async Task<(TestSpace Space, TestUser Guest, HttpClient Client)> SpaceWithGuestAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner, JoinPolicy.InvitationOnly);
        var guest = await app.CreateUserAsync(org, Roles.Guest);
        await app.AddToSpaceAsync(space, guest, SpaceRole.Guest);
        return (space, guest, await app.CreateSignedInClientAsync(guest));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, TestSpace space, string body,
        params (string FileName, string ContentType, byte[] Content)[] files) =>
        await (await client.GetPageAsync(space.Path)).Form("form[action*='handler=Post']")
            .Set("Body", body).Attach("files", files).SubmitAsync(client);

    [Fact]
    public async Task APostCarriesFilesImagesAsThumbnailsOthersAsLinksAllDownloadable()
    {
        var (space, _, client) = await SpaceWithGuestAsync();
        var photo = TestImages.JpegWithExif(2000, 1000, orientation: 1);
        using var posted = await PostAsync(client, space, "Protokoll und Foto vom Termin.",
            ("protokoll.pdf", "application/pdf", DocumentTests.Pdf), ("Foto Park.jpeg", "image/jpeg", photo));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var postId = (await app.StreamPostsAsync(space)).Single().Post.Id;
        var stored = await app.StreamAttachmentsAsync(space);
        Assert.Equal([("protokoll.pdf", "application/pdf", 0), ("Foto Park.jpg", "image/jpeg", 1)], stored.Select(a => (a.FileName, a.ContentType, a.Position)));
        var (pdf, image) = (stored[0], stored[1]);

        foreach (var path in new[] { space.Path, space.PostPath(postId) })
        {
            var page = await client.GetPageAsync(path);
            var thumbnail = page.QuerySelector(".stream-attachments img")!;
            Assert.Equal("Foto Park.jpg", thumbnail.GetAttribute("alt"));
            Assert.Equal(space.AttachmentPath(postId, image.Id) + "/vorschau", thumbnail.GetAttribute("src"));
            var link = page.QuerySelectorAll(".stream-attachments a.kern-link").Single();
            Assert.Equal(("protokoll.pdf", space.AttachmentPath(postId, pdf.Id)), (link.TextContent, link.GetAttribute("href")));
        }

        using var download = await client.GetAsync(space.AttachmentPath(postId, pdf.Id));
        Assert.Equal(DocumentTests.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString());

        using var preview = await client.GetAsync(space.AttachmentPath(postId, image.Id) + "/vorschau");
        var bytes = await preview.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType!.MediaType);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((960, 480), (decoded.Width, decoded.Height));
        Assert.True(bytes.AsSpan().IndexOf("Exif"u8) < 0, "The preview carries EXIF.");
        // A PDF has no preview; an unknown view is no address.
        foreach (var path in new[] { space.AttachmentPath(postId, pdf.Id) + "/vorschau", space.AttachmentPath(postId, image.Id) + "/gross" })
        {
            using var none = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }
    }

    [Fact]
    public async Task OversizedForbiddenOrTooManyFilesRefuseThePostWithAMessageAndStoreNothing()
    {
        var (space, _, client) = await SpaceWithGuestAsync();

        var tooLarge = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(tooLarge);
        using var large = await PostAsync(client, space, "Riesig.", ("ok.pdf", "application/pdf", DocumentTests.Pdf), ("riesig.pdf", "application/pdf", tooLarge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(["„riesig.pdf“: Die Datei ist größer als 20 MB. Bitte verkleinern Sie sie oder teilen Sie sie auf."], (await large.ReadPageAsync()).ErrorMessages());

        using var pretender = await PostAsync(client, space, "Getarnt.", ("rechnung.pdf", "application/pdf", "<html><script>alert(1)</script></html>"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, pretender.StatusCode);
        Assert.Equal(["„rechnung.pdf“: Diese Art von Datei nehmen wir nicht an. Möglich sind PDF, JPEG-, PNG- und WebP-Bilder und Office-Dateien; maßgeblich ist der Inhalt der Datei, nicht ihr Name."],
            (await pretender.ReadPageAsync()).ErrorMessages());

        var six = Enumerable.Range(1, 6).Select(i => ($"teil{i}.pdf", "application/pdf", DocumentTests.Pdf)).ToArray();
        using var many = await PostAsync(client, space, "Sechs Dateien.", six);
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Equal(["Ein Beitrag kann höchstens 5 Dateien mitnehmen."], (await many.ReadPageAsync()).ErrorMessages());

        Assert.Empty(await app.StreamPostsAsync(space));
        Assert.Empty(await app.StreamAttachmentsAsync(space));
        // Five are fine, and a post without files still is.
        using var five = await PostAsync(client, space, "Fünf Dateien.", six[..5]);
        using var none = await PostAsync(client, space, "Ohne Datei.");
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (five.StatusCode, none.StatusCode));
        Assert.Equal(5, (await app.StreamAttachmentsAsync(space)).Count);
    }

    [Fact]
    public async Task DeletingThePostDeletesItsFiles()
    {
        var (space, guest, client) = await SpaceWithGuestAsync();
        var keptId = await app.AddStreamPostAsync(space, guest, "Bleibt.");
        var kept = await app.AddStreamAttachmentAsync(space, keptId, "bleibt.pdf", "application/pdf", DocumentTests.Pdf);
        using var posted = await PostAsync(client, space, "Kommt weg.", ("weg.pdf", "application/pdf", DocumentTests.Pdf), ("weg.png", "image/png", Png));
        var postId = (await app.StreamPostsAsync(space)).Single(p => p.Post.Id != keptId).Post.Id;
        var gone = (await app.StreamAttachmentsAsync(space)).Where(a => a.PostId == postId).Select(a => a.Id).ToList();
        Assert.Equal(2, gone.Count);

        using var deleted = await (await client.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=Delete']:not([action*='Comment'])").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.Equal([kept], (await app.StreamAttachmentsAsync(space)).Select(a => a.Id));
        foreach (var id in gone)
        {
            using var response = await client.GetAsync(space.AttachmentPath(postId, id));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task AFileIsFoundOnlyThroughItsOwnPostAndSpace()
    {
        var (space, guest, client) = await SpaceWithGuestAsync();
        var postId = await app.AddStreamPostAsync(space, guest, "Mit Datei.");
        var otherPostId = await app.AddStreamPostAsync(space, guest, "Ohne Datei.");
        var attachmentId = await app.AddStreamAttachmentAsync(space, postId, "plan.pdf", "application/pdf", DocumentTests.Pdf);
        var other = await app.CreateSpaceAsync(await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff));
        await app.AddToSpaceAsync(other, guest, SpaceRole.Guest);

        using var right = await client.GetAsync(space.AttachmentPath(postId, attachmentId));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        foreach (var path in new[] { space.AttachmentPath(otherPostId, attachmentId), other.AttachmentPath(postId, attachmentId) })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }
    }
}

public sealed class SqliteStreamAttachmentTests(SqliteApp app) : StreamAttachmentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStreamAttachmentTests(PostgresApp app) : StreamAttachmentTests(app), IClassFixture<PostgresApp>;
