using System.Globalization;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Media;

/// <summary>A post's images and attachments as pages show them: texts, sizes and URLs, never the bytes.</summary>
public sealed record PostMedia(IReadOnlyList<ImageView> Images, IReadOnlyList<AttachmentView> Attachments)
{
    public static readonly PostMedia None = new([], []);

    public ImageView? Lead => Images.Count > 0 ? Images[0] : null;

    public static async Task<PostMedia> ForAsync(AppDb db, Guid postId, CancellationToken ct)
    {
        var images = await db.Set<PostImage>().AsNoTracking().Where(i => i.PostId == postId).OrderBy(i => i.Position)
            .Select(i => new
            {
                i.Id, i.AltText, i.Caption, i.Credit, i.Width, i.Height,
                Variants = i.Variants.OrderBy(v => v.Width).Select(v => new VariantView(v.ImageId, v.Width, v.Height, v.ContentType, v.Hash)).ToList(),
            })
            .ToListAsync(ct);
        var attachments = await db.Set<PostAttachment>().AsNoTracking().Where(a => a.PostId == postId).OrderBy(a => a.Position)
            .Select(a => new AttachmentView(a.Id, a.Title, a.Length, a.Hash))
            .ToListAsync(ct);
        return new(images.Select(i => new ImageView(i.Id, i.AltText, i.Caption, i.Credit, i.Width, i.Height, i.Variants)).ToList(), attachments);
    }
}

public sealed record ImageView(Guid Id, string AltText, string? Caption, string? Credit, int Width, int Height, IReadOnlyList<VariantView> Variants)
{
    public string Srcset(string contentType) =>
        string.Join(", ", Variants.Where(v => v.ContentType == contentType).Select(v => $"{v.Url} {v.Width}w"));

    /// <summary>For browsers without srcset and for Open Graph: a JPEG, the widest up to <paramref name="atMost"/> pixels.</summary>
    public VariantView Jpeg(int atMost = int.MaxValue)
    {
        var jpegs = Variants.Where(v => v.ContentType == "image/jpeg").ToList();
        return jpegs.LastOrDefault(v => v.Width <= atMost) ?? jpegs[0];
    }
}

public sealed record VariantView(Guid ImageId, int Width, int Height, string ContentType, string Hash)
{
    public string Url => $"/medien/bild/{ImageId}/{Width}-{Hash}.{(ContentType == "image/webp" ? "webp" : "jpg")}";
}

public sealed record AttachmentView(Guid Id, string Title, long Length, string Hash)
{
    public string Url => $"/medien/anhang/{Id}/{Hash}.pdf";

    /// <summary>"1,4 MB" on German pages, "1.4 MB" on English ones (decimal units, as file managers show them).</summary>
    public string Size => Length switch
    {
        < 1000 => $"{Length} B",
        < 1_000_000 => $"{Math.Max(1, Math.Round(Length / 1000.0)).ToString("0", CultureInfo.CurrentCulture)} KB",
        _ => $"{(Length / 1_000_000.0).ToString("0.0", CultureInfo.CurrentCulture)} MB",
    };
}
