namespace SupportTools.Tests;

/// <summary>
/// A real socket handler (no automatic decompression or redirects, as the client's own) that counts the body bytes the
/// client actually read off the wire: a precise measure of "stopped reading at the limit", whatever the server and the
/// kernel buffered meanwhile.
/// </summary>
internal sealed class ReadCountingHandler() : DelegatingHandler(new SocketsHttpHandler
{
    AutomaticDecompression = System.Net.DecompressionMethods.None,
    AllowAutoRedirect = false,
})
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var original = response.Content;
        var counted = new StreamContent(new CountingStream(await original.ReadAsStreamAsync(cancellationToken), this));
        foreach (var header in original.Headers)
            counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = counted;
        return response;
    }

    private sealed class CountingStream(Stream inner, ReadCountingHandler owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            Interlocked.Add(ref owner._read, read);
            return read;
        }
    }
}
