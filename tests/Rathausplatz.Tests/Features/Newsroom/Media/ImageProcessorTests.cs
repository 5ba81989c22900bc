using Rathausplatz.Features.Newsroom.Media;
using SkiaSharp;

namespace Rathausplatz.Tests.Features.Newsroom.Media;

/// <summary>The image pipeline without the app: every EXIF orientation comes out upright.</summary>
public sealed class ImageProcessorTests
{
    // Stored quarters: R B / G Y. Expected as a viewer shows them (top left, top right, bottom left, bottom right).
    [Theory]
    [InlineData(1, "RBGY")]
    [InlineData(2, "BRYG")] // mirrored
    [InlineData(3, "YGBR")] // half turn
    [InlineData(4, "GYRB")] // upside down mirror
    [InlineData(5, "RGBY")] // transposed
    [InlineData(6, "GRYB")] // quarter turn clockwise
    [InlineData(7, "YBGR")] // transverse
    [InlineData(8, "BYRG")] // quarter turn anticlockwise
    public void EveryExifOrientationComesOutUpright(ushort orientation, string expected)
    {
        var processed = ImageProcessor.Process(TestImages.QuartersJpegWithExif(400, 200, orientation));

        Assert.Equal(ImageProblem.None, processed.Problem);
        Assert.Equal(orientation >= 5 ? (200, 400) : (400, 200), (processed.Width, processed.Height));
        foreach (var variant in processed.Variants!)
        {
            var seen = string.Concat(new[] { (0.25f, 0.25f), (0.75f, 0.25f), (0.25f, 0.75f), (0.75f, 0.75f) }
                .Select(p => Name(TestImages.Read(variant.Bytes, p.Item1, p.Item2).Colour)));
            Assert.Equal(expected, seen);
        }
    }

    [Fact]
    public void AHugeCanvasInATinyFileIsRefusedBeforeDecoding()
    {
        // A PNG header claiming 20000 × 20000 pixels (400 megapixels): the size is read, nothing is decoded.
        using var bitmap = new SKBitmap(1, 1);
        using var image = SKImage.FromBitmap(bitmap);
        var png = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 20000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 20000);
        var crc = Crc32(png.AsSpan(12, 17)); // chunk type and data
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), crc);

        Assert.Equal(ImageProblem.TooManyPixels, ImageProcessor.Process(png).Problem);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static char Name(SKColor colour) =>
        TestImages.IsClose(colour, TestImages.Red) ? 'R'
        : TestImages.IsClose(colour, TestImages.Blue) ? 'B'
        : TestImages.IsClose(colour, TestImages.Green) ? 'G'
        : TestImages.IsClose(colour, TestImages.Yellow) ? 'Y'
        : '?';
}
