using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>
/// <c>GET /beteiligung/bild/{id}/{width}-{hash}.{webp|jpg}</c>: one variant of a proposal's image. Public while the
/// image and its proposal are visible and the process is published; a hidden one only for moderators, never cached.
/// Another town's image is not found (the tenant filter).
/// </summary>
public static partial class ProposalImagesApi
{
    /// <summary>How long browsers and proxies may show an image without asking again (moderation may hide it).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapProposalImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/beteiligung/bild/{id:guid}/{file}", ImageAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ImageAsync(Guid id, string file, HttpContext context, AppDb db, IAuthorizationService authorization, CancellationToken ct)
    {
        var match = ImageFile().Match(file);
        if (!match.Success)
            return Results.NotFound();
        var width = int.Parse(match.Groups["width"].ValueSpan, provider: CultureInfo.InvariantCulture);
        var hash = match.Groups["hash"].Value;
        var contentType = match.Groups["ext"].Value == "webp" ? "image/webp" : "image/jpeg";
        var found = await (from v in db.Set<ProposalImageVariant>()
                           join i in db.Set<ProposalImage>() on v.ImageId equals i.Id
                           join p in db.Set<Proposal>() on i.ProposalId equals p.Id
                           join pr in db.Set<ParticipationProcess>() on p.ProcessId equals pr.Id
                           where i.Id == id && v.Width == width && v.Hash == hash && v.ContentType == contentType
                           select new { v.Bytes, Visible = i.HiddenAt == null && p.HiddenAt == null && pr.Published })
            .AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null)
            return Results.NotFound();
        if (!found.Visible)
        {
            if (!(await authorization.AuthorizeAsync(context.User, Policies.Moderator)).Succeeded)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(found.Bytes, contentType);
        }
        context.Response.Headers.CacheControl = $"public, max-age={(int)MaxAge.TotalSeconds}";
        return Results.File(found.Bytes, contentType, entityTag: new EntityTagHeaderValue($"\"{hash}\""));
    }

    /// <summary>The URL of one variant.</summary>
    public static string Url(Guid imageId, int width, string hash, string contentType) =>
        $"/beteiligung/bild/{imageId}/{width.ToString(CultureInfo.InvariantCulture)}-{hash}.{(contentType == "image/webp" ? "webp" : "jpg")}";

    [GeneratedRegex("^(?<width>[0-9]{1,5})-(?<hash>[0-9a-f]{16})\\.(?<ext>webp|jpg)$")]
    private static partial Regex ImageFile();
}
