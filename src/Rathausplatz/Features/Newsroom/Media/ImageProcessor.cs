using System.Security.Cryptography;
using SkiaSharp;

namespace Rathausplatz.Features.Newsroom.Media;

public enum ImageProblem { None, NotAnImage, Damaged, TooManyPixels }

public sealed record EncodedVariant(int Width, int Height, string ContentType, string Hash, byte[] Bytes);

public sealed record ProcessedImage(ImageProblem Problem, int Width = 0, int Height = 0, IReadOnlyList<EncodedVariant>? Variants = null);

/// <summary>
/// Turns an upload into the variants the pages serve: decoded with Skia, turned upright as its EXIF
/// orientation says, scaled down to a few widths (never up) and encoded anew as WebP and JPEG. Only
/// pixels pass through, so EXIF, XMP, GPS positions and comments of the original are gone.
/// </summary>
public static class ImageProcessor
{
    /// <summary>Widths for srcset; an image narrower than the widest is also kept at its own width.</summary>
    public static readonly int[] Widths = [480, 960, 1600];

    /// <summary>A 50-megapixel camera's picture passes; a "decompression bomb" (tiny file, huge canvas) does not.</summary>
    public const long MaxPixels = 60_000_000;

    private const int WebpQuality = 80;
    private const int JpegQuality = 82;

    /// <summary>The type the first bytes say, whatever the name or the browser claimed.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b) => b switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };

    public static ProcessedImage Process(byte[] upload)
    {
        var sniffed = Sniff(upload);
        if (sniffed is null)
            return new(ImageProblem.NotAnImage);
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || FormatOf(codec.EncodedFormat) != sniffed)
            return new(ImageProblem.Damaged);
        var stored = codec.Info;
        if (stored.Width <= 0 || stored.Height <= 0)
            return new(ImageProblem.Damaged);
        if ((long)stored.Width * stored.Height > MaxPixels)
            return new(ImageProblem.TooManyPixels);

        var origin = codec.EncodedOrigin;
        var turned = (int)origin >= (int)SKEncodedOrigin.LeftTop;
        var uprightWidth = turned ? stored.Height : stored.Width;
        var widest = Math.Min(uprightWidth, Widths[^1]);

        using var decoded = Decode(codec, DecodeSize(codec, turned, uprightWidth, widest));
        if (decoded is null)
            return new(ImageProblem.Damaged);
        using var upright = Upright(decoded, origin);
        using var image = SKImage.FromBitmap(upright);

        var variants = new List<EncodedVariant>();
        foreach (var width in Widths.Where(w => w < widest).Append(widest))
        {
            var height = Math.Max(1, (int)Math.Round((double)upright.Height * width / upright.Width));
            variants.Add(Encode(image, width, height, SKEncodedImageFormat.Webp, WebpQuality, SKColors.Transparent));
            // JPEG has no transparency: transparent parts of a PNG become white, not black.
            variants.Add(Encode(image, width, height, SKEncodedImageFormat.Jpeg, JpegQuality, SKColors.White));
        }
        var largest = variants[^1];
        return new(ImageProblem.None, largest.Width, largest.Height, variants);
    }

    // JPEG (and WebP) can decode at a fraction of the size: a 48-megapixel photo needs no 190 MB bitmap
    // when 1600 pixels are wanted. Taken only when the smaller size is still wide enough.
    private static SKSizeI DecodeSize(SKCodec codec, bool turned, int uprightWidth, int widest)
    {
        if (widest >= uprightWidth)
            return codec.Info.Size;
        var scaled = codec.GetScaledDimensions((float)widest / uprightWidth);
        var scaledUprightWidth = turned ? scaled.Height : scaled.Width;
        return scaledUprightWidth >= widest && scaled.Width > 0 && scaled.Height > 0 ? scaled : codec.Info.Size;
    }

    // Anything but complete success (a truncated file decodes as "incomplete input", the rest grey) is refused.
    private static SKBitmap? Decode(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
            return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>Draws the stored pixels the way EXIF orientation says a viewer shows them.</summary>
    private static SKBitmap Upright(SKBitmap stored, SKEncodedOrigin origin)
    {
        float w = stored.Width, h = stored.Height;
        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY, for each EXIF orientation (1–8).
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var turned = (int)origin >= (int)SKEncodedOrigin.LeftTop;
        var upright = new SKBitmap(new SKImageInfo(turned ? stored.Height : stored.Width, turned ? stored.Width : stored.Height,
            stored.ColorType, stored.AlphaType, stored.ColorSpace));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(stored);
        // Quarter turns and mirrors map pixels onto pixels: nearest sampling copies them exactly.
        canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Nearest));
        return upright;
    }

    private static EncodedVariant Encode(SKImage source, int width, int height, SKEncodedImageFormat format, int quality, SKColor background)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(background);
        // Linear filtering between mipmap levels: smooth when scaling down by large factors.
        surface.Canvas.DrawImage(source, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(format, quality);
        var bytes = encoded.ToArray();
        return new(width, height, FormatOf(format)!, HashOf(bytes), bytes);
    }

    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    private static string? FormatOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Png => "image/png",
        SKEncodedImageFormat.Webp => "image/webp",
        _ => null,
    };
}
