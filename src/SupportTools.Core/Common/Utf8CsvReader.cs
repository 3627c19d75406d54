using System.Runtime.CompilerServices;
namespace SupportTools;

/// <summary>
/// Reads RFC 4180 CSV (comma-separated, UTF-8 bytes, <c>"</c> quoting with <c>""</c> for a quote; rows end with LF,
/// CRLF or CR; a quoted value may span lines; empty lines are skipped) straight from the bytes of a stream: each value
/// is a span of a refilled buffer, so a row costs no objects (a text reader and a string per value cost an import
/// about half its parsing time). A quote inside an unquoted value, text after a closing quote, and a quoted value that
/// never ends are an <see cref="InputFormatException"/> naming the line the row starts on.
/// </summary>
internal sealed class Utf8CsvReader
{
    private readonly Stream _stream;
    private readonly string _path;
    private byte[] _buffer = new byte[1 << 16];
    private byte[] _unquoted = new byte[256];  // values that had doubled quotes, without them
    private (int Start, int Length)[] _fields = new (int, int)[32]; // Start < 0: ~offset in _unquoted
    private int _start, _end, _unquotedLength;
    private bool _endOfFile;
    private long _nextLine = 1;

    /// <summary>Reads <paramref name="stream"/> (UTF-8, without a byte order mark) of the file <paramref name="path"/>.</summary>
    public Utf8CsvReader(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>Values in the current row.</summary>
    public int Count { get; private set; }

    /// <summary>The line the current row starts on (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>Value <paramref name="index"/> of the current row (without its quotes), valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var (start, length) = _fields[index];
            return start >= 0 ? _buffer.AsSpan(start, length) : _unquoted.AsSpan(~start, length);
        }
    }

    /// <summary>Moves to the next row that is not empty; false at the end of the input.</summary>
    public bool Read()
    {
        while (true)
        {
            var length = Row(_endOfFile);
            if (length < 0)
            {
                Refill();
                continue;
            }
            if (length == 0) return false; // only at the end of the input
            Line = _nextLine;
            var row = _buffer.AsSpan(_start, length);
            _nextLine += row.Count((byte)'\n');
            _start += length;
            if (Count == 1 && _fields[0] is (>= 0, 0) && row[0] is (byte)'\r' or (byte)'\n') continue; // an empty line
            return true;
        }
    }

    /// <summary>
    /// Splits the row at <c>_start</c> into <c>_fields</c>; returns its length in bytes with its line end, -1 when it
    /// is not all buffered (and the input goes on), 0 when no row is left.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Row(bool atEnd)
    {
        if (_start == _end) return atEnd ? 0 : -1;
        Count = 0;
        _unquotedLength = 0;
        var i = _start;
        while (true)
        {
            if (i == _end)
            {
                if (!atEnd) return -1;
                Add(i, 0); // after a final comma
                return i - _start;
            }
            int end;
            if (_buffer[i] == '"')
            {
                end = Quoted(i, atEnd);
                if (end < 0) return -1;
            }
            else
            {
                var next = _buffer.AsSpan(i, _end - i).IndexOfAny(",\r\n\""u8);
                if (next < 0)
                {
                    if (!atEnd) return -1;
                    Add(i, _end - i);
                    return _end - _start;
                }
                end = i + next;
                if (_buffer[end] == '"') throw Malformed("a quote inside an unquoted value (quote the whole value and double the quotes in it)");
                Add(i, end - i);
            }
            if (end == _end) return atEnd ? end - _start : -1;
            switch (_buffer[end])
            {
                case (byte)',':
                    i = end + 1;
                    continue;
                case (byte)'\n':
                    return end + 1 - _start;
                case (byte)'\r':
                    if (end + 1 < _end) return end + (_buffer[end + 1] == '\n' ? 2 : 1) - _start;
                    return atEnd ? end + 1 - _start : -1;
                default:
                    throw Malformed("text after a quoted value's closing quote");
            }
        }
    }

    /// <summary>Adds the quoted value starting at <paramref name="quote"/>; returns the index after its closing quote, -1 when not all buffered.</summary>
    private int Quoted(int quote, bool atEnd)
    {
        var segment = quote + 1;
        var i = segment;
        var doubled = false;
        var unquotedStart = _unquotedLength;
        while (true)
        {
            var next = _buffer.AsSpan(i, _end - i).IndexOf((byte)'"');
            if (next < 0)
            {
                if (!atEnd) return -1;
                throw Malformed("a quoted value that never ends");
            }
            i += next;
            if (i + 1 == _end && !atEnd) return -1; // is it doubled? the next byte says
            if (i + 1 < _end && _buffer[i + 1] == '"')
            {
                Unquote(segment, i + 1 - segment); // up to and with one quote
                doubled = true;
                i += 2;
                segment = i;
                continue;
            }
            if (doubled)
            {
                Unquote(segment, i - segment);
                Add(~unquotedStart, _unquotedLength - unquotedStart);
            }
            else Add(quote + 1, i - quote - 1);
            return i + 1;
        }
    }

    private void Unquote(int start, int length)
    {
        if (_unquotedLength + length > _unquoted.Length) Array.Resize(ref _unquoted, Math.Max(_unquoted.Length * 2, _unquotedLength + length));
        _buffer.AsSpan(start, length).CopyTo(_unquoted.AsSpan(_unquotedLength));
        _unquotedLength += length;
    }

    private void Add(int start, int length)
    {
        if (Count == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
        _fields[Count++] = (start, length);
    }

    /// <summary>Reads more of the stream behind the unread bytes (see <see cref="StreamWindow"/>).</summary>
    private void Refill()
    {
        if (StreamWindow.Refill(_stream, ref _buffer, ref _start, ref _end) == 0) _endOfFile = true;
    }

    private InputFormatException Malformed(string what) => new($"the CSV is malformed: {what}", _path, _nextLine);
}
