namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>Settings of a space's documents (section "Intranet:Documents").</summary>
public sealed class DocumentOptions
{
    public const string Section = "Intranet:Documents";

    /// <summary>The largest file accepted, in megabytes (1–50; the form reader takes up to twice that plus a margin).</summary>
    public int MaxMegabytes { get; set; } = 20;

    public long MaxBytes => Math.Clamp(MaxMegabytes, 1, 50) * 1024L * 1024;

    /// <summary>
    /// What a request to an upload page may carry: twice the file limit, so a file somewhat too large reaches the
    /// page and gets a message; anything bigger is refused with 413 before it is read.
    /// </summary>
    public long RequestLimit => RequestLimitFor(1);

    /// <summary>The same for a form with up to <paramref name="files"/> files (the stream's post form).</summary>
    public long RequestLimitFor(int files) => (files + 1) * MaxBytes + 1024 * 1024;
}
