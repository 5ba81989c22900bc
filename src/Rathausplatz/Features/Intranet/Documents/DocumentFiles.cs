using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Rathausplatz.Features.Newsroom.Media;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>What the bytes of an upload are, as far as documents care.</summary>
public sealed record FileKind(string ContentType, string Extension)
{
    public bool IsPdf => ContentType == "application/pdf";
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>
/// Tells the type of an upload by its first bytes (and, for ZIP-based office files, by the parts the archive
/// lists), never by the name or the browser's claim; and makes an uploaded file name harmless for saving.
/// </summary>
public static partial class DocumentFiles
{
    private static readonly byte[] OleContainer = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static FileKind? Sniff(byte[] bytes, string? uploadedName)
    {
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
            return new("application/pdf", "pdf");
        if (ImageProcessor.Sniff(bytes) is { } image)
            return new(image, image == "image/jpeg" ? "jpg" : image[6..]);
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
            return Zipped(bytes);
        // The old binary office formats share one container: its bytes say "office file", the name says which.
        if (bytes.AsSpan().StartsWith(OleContainer))
            return Path.GetExtension(uploadedName ?? "").ToLowerInvariant() switch
            {
                ".doc" => new("application/msword", "doc"),
                ".xls" => new("application/vnd.ms-excel", "xls"),
                ".ppt" => new("application/vnd.ms-powerpoint", "ppt"),
                _ => null,
            };
        return null;
    }

    /// <summary>OpenDocument names its type in a first entry "mimetype"; Office Open XML has its main part in word/, xl/ or ppt/.</summary>
    private static FileKind? Zipped(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { Length: < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() switch
                {
                    "application/vnd.oasis.opendocument.text" => new("application/vnd.oasis.opendocument.text", "odt"),
                    "application/vnd.oasis.opendocument.spreadsheet" => new("application/vnd.oasis.opendocument.spreadsheet", "ods"),
                    "application/vnd.oasis.opendocument.presentation" => new("application/vnd.oasis.opendocument.presentation", "odp"),
                    _ => null,
                };
            }
            if (zip.GetEntry("[Content_Types].xml") is null)
                return null;
            bool Has(string folder) => zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
            return Has("word/") ? new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
                : Has("xl/") ? new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
                : Has("ppt/") ? new("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx")
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// "../../etc/passwd", "a\u202Egnp.exe" or a name of 300 characters become something a file manager saves
    /// harmlessly: letters, digits, spaces, dots, dashes and underscores, at most 80 of them, and the extension of
    /// the type the bytes show (never the uploaded one).
    /// </summary>
    public static string SafeName(string? uploadedName, FileKind kind)
    {
        var name = (uploadedName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var dot = name.LastIndexOf('.');
        if (dot > 0)
            name = name[..dot];
        name = Unwanted().Replace(name, "-");
        name = Repeated().Replace(name, "-").Trim(' ', '.', '-', '_');
        if (name.Length > 80)
            name = name[..80].TrimEnd(' ', '.', '-', '_');
        if (name.Length == 0)
            name = "dokument";
        return $"{name}.{kind.Extension}";
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd} ._-]")]
    private static partial Regex Unwanted();

    [GeneratedRegex(@"[-]{2,}|\s{2,}|\.{2,}")]
    private static partial Regex Repeated();
}
