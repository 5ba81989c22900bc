using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Rathausplatz.Tests.Features.Newsroom.Media;

/// <summary>
/// Images made in the test: drawn with Skia, and for JPEG an EXIF block written by hand as a camera
/// would (orientation, a description, GPS position), so the test knows exactly which bytes must vanish.
/// </summary>
public static class TestImages
{
    public const string SecretDescription = "Aufgenommen vor dem Haus von Familie Muster";
    public static readonly SKColor Red = new(220, 20, 20);
    public static readonly SKColor Blue = new(20, 20, 220);

    /// <summary>Left half red, right half blue, as stored; <paramref name="orientation"/> tells viewers how to turn it.</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation) => WithExif(TwoColours(width, height), orientation);

    /// <summary>Quarters red, blue (top) and green, yellow (bottom), as stored.</summary>
    public static byte[] QuartersJpegWithExif(int width, int height, ushort orientation)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        foreach (var (colour, x, y) in new[] { (Red, 0f, 0f), (Blue, width / 2f, 0f), (Green, 0f, height / 2f), (Yellow, width / 2f, height / 2f) })
        {
            using var paint = new SKPaint { Color = colour };
            canvas.DrawRect(x, y, width / 2f, height / 2f, paint);
        }
        return WithExif(bitmap, orientation);
    }

    public static readonly SKColor Green = new(20, 180, 20);
    public static readonly SKColor Yellow = new(240, 220, 20);

    private static byte[] WithExif(SKBitmap bitmap, ushort orientation)
    {
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        Assert.True(jpeg is [0xFF, 0xD8, ..]);
        var app1 = ExifSegment(orientation);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    public static byte[] Png(int width, int height) => Encode(TwoColours(width, height), SKEncodedImageFormat.Png);

    public static byte[] Webp(int width, int height) => Encode(TwoColours(width, height), SKEncodedImageFormat.Webp);

    /// <summary>The GPS latitude's seconds as written in the EXIF block (big-endian rational 3921/100).</summary>
    public static readonly byte[] GpsSecondsBytes = [0x00, 0x00, 0x0F, 0x51, 0x00, 0x00, 0x00, 0x64];

    private static SKBitmap TwoColours(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        using var red = new SKPaint { Color = Red };
        using var blue = new SKPaint { Color = Blue };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(format, 90))
            return data.ToArray();
    }

    // APP1 "Exif\0\0" + a big-endian TIFF: IFD0 (description, orientation, pointer to the GPS IFD) and a GPS IFD.
    private static byte[] ExifSegment(ushort orientation)
    {
        var description = Encoding.ASCII.GetBytes(SecretDescription + "\0");
        const int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4;
        const int gps = ifd0 + ifd0Size, gpsSize = 2 + 5 * 12 + 4;
        var descriptionAt = gps + gpsSize;
        var latitudeAt = (descriptionAt + description.Length + 1) & ~1;
        var longitudeAt = latitudeAt + 24;
        var tiff = new byte[longitudeAt + 24];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), ifd0);

        var at = ifd0;
        at = Count(tiff, at, 3);
        at = Entry(tiff, at, 0x010E, 2, (uint)description.Length, (uint)descriptionAt);     // ImageDescription
        at = Entry(tiff, at, 0x0112, 3, 1, (uint)orientation << 16);                         // Orientation (SHORT, left-aligned)
        at = Entry(tiff, at, 0x8825, 4, 1, gps);                                             // GPS IFD pointer
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), 0);

        at = gps;
        at = Count(tiff, at, 5);
        at = Entry(tiff, at, 0x0000, 1, 4, 0x02030000);                                     // GPSVersionID 2.3.0.0
        at = Entry(tiff, at, 0x0001, 2, 2, (uint)'N' << 24);                                 // GPSLatitudeRef "N"
        at = Entry(tiff, at, 0x0002, 5, 3, (uint)latitudeAt);                                // GPSLatitude
        at = Entry(tiff, at, 0x0003, 2, 2, (uint)'E' << 24);                                 // GPSLongitudeRef "E"
        at = Entry(tiff, at, 0x0004, 5, 3, (uint)longitudeAt);                               // GPSLongitude
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), 0);

        description.CopyTo(tiff, descriptionAt);
        Rationals(tiff, latitudeAt, (52, 1), (31, 1), (3921, 100));   // 52° 31' 39.21"
        Rationals(tiff, longitudeAt, (13, 1), (24, 1), (3710, 100));  // 13° 24' 37.10"

        var payload = (byte[])[.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private static int Count(byte[] tiff, int at, ushort count)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), count);
        return at + 2;
    }

    private static int Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
        return at + 12;
    }

    private static void Rationals(byte[] tiff, int at, params (uint Numerator, uint Denominator)[] values)
    {
        foreach (var (numerator, denominator) in values)
        {
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), numerator);
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), denominator);
            at += 8;
        }
    }

    /// <summary>The colour at a point of an encoded image, and the orientation its own metadata claims.</summary>
    public static (SKColor Colour, SKEncodedOrigin Origin, int Width, int Height) Read(byte[] encoded, float x, float y)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded));
        using var bitmap = SKBitmap.Decode(encoded);
        return (bitmap.GetPixel((int)(x * bitmap.Width), (int)(y * bitmap.Height)), codec.EncodedOrigin, bitmap.Width, bitmap.Height);
    }

    public static bool IsClose(SKColor actual, SKColor expected) =>
        Math.Abs(actual.Red - expected.Red) < 40 && Math.Abs(actual.Green - expected.Green) < 40 && Math.Abs(actual.Blue - expected.Blue) < 40;
}
