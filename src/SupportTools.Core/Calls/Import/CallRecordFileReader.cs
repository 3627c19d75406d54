
namespace SupportTools.Calls;

/// <summary>
/// Streams a file of call records in constant memory into <see cref="CallChunk"/>s: Kazoo CDR JSON (an array of
/// objects, or objects one per line) or CSV with a header of CDR field names; which one is told by the content (a
/// first <c>[</c> or <c>{</c> is JSON). Every malformed input is an <see cref="InputFormatException"/> naming the
/// file, line, record and field.
/// </summary>
internal abstract class CallRecordFileReader : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Makes the reader for what <paramref name="path"/> holds.</summary>
    protected CallRecordFileReader(string path, Stream stream, CallZoneResolver zones)
    {
        Path = path;
        Stream = stream;
        Length = stream.Length;
        Builder = new CallRowBuilder(zones);
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>File size in bytes.</summary>
    public long Length { get; }

    /// <summary>Bytes read so far (for progress).</summary>
    public long BytesRead => Stream.Position;

    /// <summary>Records read so far.</summary>
    public long Records { get; protected set; }

    /// <summary>The file.</summary>
    protected Stream Stream { get; }

    /// <summary>Turns fields into calls.</summary>
    protected CallRowBuilder Builder { get; }

    /// <summary>
    /// Opens <paramref name="path"/> with the reader its content needs. Zones come from <paramref name="zones"/>.
    /// </summary>
    public static CallRecordFileReader Open(string path, CallZoneResolver zones, CancellationToken cancellationToken = default)
    {
        var stream = CallInputFile.Open(path, cancellationToken);
        try
        {
            if (stream.Length == 0) throw new InputFormatException("the file is empty; expected call records (JSON or CSV)", path, 1);
            var head = new byte[Math.Min(4096, stream.Length)];
            stream.ReadExactly(head);
            stream.Position = 0;
            var text = head.AsSpan(head.AsSpan().StartsWith(Bom) ? Bom.Length : 0);
            if (text.StartsWith("SQLite format 3\0"u8))
                throw new InputFormatException("the file is an SQLite database, not call records; pass a SupportTools store as -Database", path, 1);
            var first = text.IndexOfAnyExcept(" \t\r\n"u8);
            if (first >= 0 && text[first] is (byte)'[' or (byte)'{') return new CallJsonFileReader(path, stream, zones);
            return new CallCsvFileReader(path, stream, zones);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Adds the next records to <paramref name="chunk"/> until it is full or the file ends; false when none was left.</summary>
    public abstract bool Fill(CallChunk chunk);

    /// <summary><see cref="Fill"/>, then <see cref="CallChunk.Sort"/>.</summary>
    public bool FillSorted(CallChunk chunk)
    {
        if (!Fill(chunk)) return false;
        chunk.Sort();
        return true;
    }

    /// <summary>Closes the file.</summary>
    public virtual void Dispose() => Stream.Dispose();

    /// <summary>The error for a bad <paramref name="field"/> of record <see cref="Records"/> at <paramref name="line"/>.</summary>
    protected InputFormatException BadField(CallFieldException exception, long line, CallField field)
    {
        var at = exception.Field != CallField.None ? exception.Field : field;
        return new(exception.Message, Path, line, field: at == CallField.None ? null : CallFields.NameOf(at), record: Records, inner: exception);
    }
}
