namespace SupportTools;

/// <summary>Refilling a buffer that holds a window of a stream: what readers that scan whole records in place share.</summary>
internal static class StreamWindow
{
    /// <summary>
    /// Keeps the unread bytes <c>buffer[start..end]</c>, moved to the front, and reads more behind them (doubling the
    /// buffer when they fill it: a record larger than the buffer). Returns the bytes read, 0 at the end of the stream.
    /// </summary>
    public static int Refill(Stream stream, ref byte[] buffer, ref int start, ref int end)
    {
        var kept = end - start;
        if (kept == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        else if (start > 0) Buffer.BlockCopy(buffer, start, buffer, 0, kept);
        start = 0;
        end = kept;
        var read = stream.Read(buffer, end, buffer.Length - end);
        end += read;
        return read;
    }
}
