using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// The request body limit Kestrel has and the in-memory test server lacks. Without it
/// <c>[RequestSizeLimit]</c> finds nothing to set and every upload is read to the end, so a test
/// could not see the 413 that production answers. Like Kestrel: 30 MB unless a page sets its own
/// limit before the body is read, then 413 once more than that arrives.
/// </summary>
internal sealed class RequestBodyLimit : IStartupFilter
{
    private const long KestrelDefault = 30_000_000;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var body = new LimitedBody(context.Request.Body);
            context.Request.Body = body;
            context.Features.Set<IHttpMaxRequestBodySizeFeature>(body);
            await nextMiddleware(context);
        });
        next(app);
    };

    private sealed class LimitedBody(Stream inner) : Stream, IHttpMaxRequestBodySizeFeature
    {
        private long read;
        private bool started;

        public bool IsReadOnly => started;

        public long? MaxRequestBodySize { get; set; } = KestrelDefault;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            started = true;
            var count = await inner.ReadAsync(buffer, cancellationToken);
            return Count(count);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);

        public override int Read(byte[] buffer, int offset, int count)
        {
            started = true;
            return Count(inner.Read(buffer, offset, count));
        }

        private int Count(int count)
        {
            read += count;
            if (read > MaxRequestBodySize)
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
