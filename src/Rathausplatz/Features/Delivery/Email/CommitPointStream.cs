namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// Sits between MailKit and the socket and finds the point of no return of an SMTP transaction: the
/// last byte of the DATA terminator (CRLF "." CRLF). Until the server has that byte it drops the
/// message if the connection dies; once it has it, the message is accepted. So the delivery is marked
/// sent in an open transaction before that byte, and the COMMIT and the byte leave back to back
/// (<see cref="SendCommit"/>): a crash before leaves a delivery that was never accepted and is sent
/// again; a crash after, one that was. Only the synchronous step between the two socket writes remains
/// uncertain (see docs/delivery.md).
/// </summary>
/// <remarks>
/// It only sees the protocol on unencrypted connections (a relay on the same host or network, the usual
/// set-up for bulk mail); under TLS it finds nothing and the caller commits after the server's 250.
/// MailKit uses DATA, not BDAT, for 7/8-bit messages such as ours.
/// </remarks>
internal sealed class CommitPointStream(Stream inner) : Stream
{
    private static readonly byte[] Terminator = "\r\n.\r\n"u8.ToArray();
    // KMP prefix function of the terminator: after a mismatch, how much of it still matches.
    private static readonly int[] Fallback = [0, 0, 0, 1, 2];

    private SendCommit? commit;
    private int matched;

    /// <summary>Prepares and commits <paramref name="sendCommit"/> at the last byte of the next message's terminator.</summary>
    public void Arm(SendCommit sendCommit)
    {
        commit = sendCommit;
        matched = 0;
    }

    public void Disarm() => commit = null;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (commit is not null && FindCommitPoint(buffer.Span) is var at and >= 0)
        {
            await inner.WriteAsync(buffer[..at], cancellationToken);
            await inner.FlushAsync(cancellationToken);
            var armed = commit;
            commit = null;
            await armed.PrepareAsync();
            var committing = armed.CommitAsync();
            await inner.WriteAsync(buffer[at..], cancellationToken);
            await committing;
            return;
        }
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>The index of the terminator's last byte in <paramref name="bytes"/>, or -1; keeps the partial match across writes.</summary>
    private int FindCommitPoint(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            while (matched > 0 && bytes[i] != Terminator[matched])
                matched = Fallback[matched - 1];
            if (bytes[i] == Terminator[matched])
                matched++;
            if (matched == Terminator.Length)
            {
                matched = 0;
                return i;
            }
        }
        return -1;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override void Flush() => inner.Flush();
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override bool CanRead => inner.CanRead;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanSeek => false;
    public override bool CanTimeout => inner.CanTimeout;
    public override int ReadTimeout { get => inner.ReadTimeout; set => inner.ReadTimeout = value; }
    public override int WriteTimeout { get => inner.WriteTimeout; set => inner.WriteTimeout = value; }
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
