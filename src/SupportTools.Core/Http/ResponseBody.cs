using System.Buffers;
using System.IO.Compression;

namespace SupportTools.Http;

/// <summary>
/// Reads an answer's body as it streams in, decompressing it here (gzip, deflate, br; the handler's automatic
/// decompression is off so both sizes can be counted) and stopping at the limit, on the wire and after decompression:
/// an answer that declares more is refused before a byte is read. Memory is bounded by the limit, not by the server;
/// a download written to a stream holds one chunk at a time.
/// </summary>
internal static class ResponseBody
{
    private const int ChunkSize = 81920;

    /// <summary>The body, decoded; <see cref="AnswerTooLargeException"/> past <paramref name="limit"/> bytes; <see cref="InvalidDataException"/> for a corrupt encoding.</summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        // A declared length within the limit sizes the buffer once (a larger one is refused by CopyAsync); otherwise it grows as needed.
        var unencoded = content.Headers.ContentEncoding.All(e => e.Trim() is "" or "identity");
        using var body = new MemoryStream(content.Headers.ContentLength is { } length && length <= limit && unencoded ? (int)length : 0);
        await CopyAsync(content, body, limit, cancellationToken).ConfigureAwait(false);
        return body.Length == body.Capacity ? body.GetBuffer() : body.ToArray();
    }

    /// <summary>
    /// Writes the body, decoded, to <paramref name="destination"/> as it arrives (a download of any size in bounded
    /// memory). Failures as <see cref="ReadAsync"/>.
    /// </summary>
    public static async Task CopyAsync(HttpContent content, Stream destination, long limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > limit)
            throw new AnswerTooLargeException(limit, declared, decompressed: false);
        var encodings = content.Headers.ContentEncoding.Select(e => e.Trim().ToLowerInvariant()).Where(e => e is not ("" or "identity")).ToArray();
        Stream stream = new CountingReadStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), limit);
        // Encodings are listed in the order they were applied: undo the last first.
        for (var i = encodings.Length - 1; i >= 0; i--)
            stream = encodings[i] switch
            {
                "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress),
                "deflate" => new ZLibStream(stream, CompressionMode.Decompress),
                "br" => new BrotliStream(stream, CompressionMode.Decompress),
                var other => throw new InvalidDataException($"the answer is encoded as '{other}', which this client does not read"),
            };
        await using (stream.ConfigureAwait(false))
        {
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            long written = 0;
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (written + read > limit)
                        throw new AnswerTooLargeException(limit, null, decompressed: encodings.Length > 0);
                    try
                    {
                        await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                    catch (IOException e)
                    {
                        throw new DestinationWriteException(e); // the disk's problem, not the connection's: never retried
                    }
                    written += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }
}
