using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom.Public;

namespace Rathausplatz.Features.Newsroom.Media;

/// <summary>
/// Serves image variants and PDFs. The URL names the bytes' hash, so a published file is cached for a
/// year as immutable; a change is a new URL. Files of posts the public cannot see answer 404, except to
/// the organisation's editors (the back-office preview), who get them uncached. Another organisation's
/// files do not exist here (query filter).
/// </summary>
public static partial class MediaApi
{
    public static IEndpointRouteBuilder MapNewsroomMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/medien/bild/{id:guid}/{file}", ImageAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/medien/anhang/{id:guid}/{file}", AttachmentAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ImageAsync(Guid id, string file, HttpContext context, AppDb db, PublicPosts posts, IAuthorizationService authorization, CancellationToken ct)
    {
        var match = ImageFile().Match(file);
        if (!match.Success)
            return Results.NotFound();
        var width = int.Parse(match.Groups["width"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var hash = match.Groups["hash"].Value;
        var contentType = match.Groups["ext"].Value == "webp" ? "image/webp" : "image/jpeg";
        var found = await (from v in db.Set<PostImageVariant>()
                           join i in db.Set<PostImage>() on v.ImageId equals i.Id
                           where v.ImageId == id && v.Width == width && v.ContentType == contentType && v.Hash == hash
                           select new { i.PostId, v.Bytes }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null || !await MaySeeAsync(found.PostId, context, posts, authorization, ct))
            return Results.NotFound();
        return Results.File(found.Bytes, contentType, entityTag: new EntityTagHeaderValue($"\"{hash}\""));
    }

    private static async Task<IResult> AttachmentAsync(Guid id, string file, HttpContext context, AppDb db, PublicPosts posts, IAuthorizationService authorization, CancellationToken ct)
    {
        var match = AttachmentFile().Match(file);
        if (!match.Success)
            return Results.NotFound();
        var hash = match.Groups["hash"].Value;
        var found = await db.Set<PostAttachment>().AsNoTracking().Where(a => a.Id == id && a.Hash == hash)
            .Select(a => new { a.PostId, a.FileName, a.Bytes }).SingleOrDefaultAsync(ct);
        if (found is null || !await MaySeeAsync(found.PostId, context, posts, authorization, ct))
            return Results.NotFound();
        // Always a download: a PDF shown inline runs in our origin's viewer, and PDFs can carry script and forms.
        return Results.File(found.Bytes, "application/pdf", fileDownloadName: found.FileName, entityTag: new EntityTagHeaderValue($"\"{hash}\""));
    }

    /// <summary>Sets the cache policy as a side effect: immutable and public only for what everyone may see.</summary>
    private static async Task<bool> MaySeeAsync(Guid postId, HttpContext context, PublicPosts posts, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await posts.Visible().AnyAsync(p => p.Id == postId, ct))
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return true;
        }
        if (!(await authorization.AuthorizeAsync(context.User, Policies.Editor)).Succeeded)
            return false;
        context.Response.Headers.CacheControl = "private, no-store";
        return true;
    }

    [GeneratedRegex("^(?<width>[1-9][0-9]{0,4})-(?<hash>[0-9a-f]{16})\\.(?<ext>webp|jpg)$")]
    private static partial Regex ImageFile();

    [GeneratedRegex("^(?<hash>[0-9a-f]{16})\\.pdf$")]
    private static partial Regex AttachmentFile();
}
