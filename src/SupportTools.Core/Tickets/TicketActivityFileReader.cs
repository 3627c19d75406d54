using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupportTools.Storage;

namespace SupportTools.Tickets;


/// <summary>
/// Streams a Freshdesk export file in constant memory: a buffer refilled from the file, a fresh
/// <see cref="Utf8JsonReader"/> per unit (a top-level property or one activity) resumed from the saved state, and a
/// probe (<c>TrySkip</c> on a copy) that makes sure a whole unit is buffered before it is parsed, so parsing code
/// never sees a partial value. The JSON reader is never told it holds the final block: an incomplete unit always
/// means "read more", and at the end of the file "truncated". The buffer grows only when one unit is larger than it.
/// Bytes reach the JSON reader only once checked as whole, valid UTF-8 characters. Every malformed input is an
/// <see cref="InputFormatException"/> with the file, line, byte position and field; the SHA-256 of the content is
/// computed on the way.
/// </summary>
internal sealed class TicketActivityFileReader : IImportFile, IDisposable
{
    private const int MaxDepth = 64;
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly Stream _stream;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ActivityBodyReader _body = new();
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private int _checkedEnd;      // _buffer[.._checkedEnd] is whole, valid UTF-8; the JSON reader sees no further
    private bool _invalidUtf8;    // the byte at _checkedEnd starts an invalid sequence
    private bool _final, _startChecked;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth });
    private int _unitOffset;      // where the unit being parsed starts (from _start) and the reader state there, to name
    private JsonReaderState _unitState; // the field of an error after the fact
    private Phase _phase = Phase.Start;
    private long _bufferOffset, _linesBeforeBuffer, _lineStartOffset; // file position of _buffer[0] and line bookkeeping
    private string? _performerType;
    private bool _hasMetadata, _hasActivities;
    private readonly List<string> _otherKeys = []; // the first few other top-level keys, to say what a non-export holds
    private (long Line, long Column) _exportEnd;

    private enum Phase { Start, TopLevel, Activities, Trailing, Finished }
    private enum Step { Activity, NeedData, EndOfExport }

    /// <summary>Opens <paramref name="path"/> for streaming.</summary>
    public TicketActivityFileReader(string path)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), path)
    {
    }

    /// <summary>Reads export content from a seekable stream (it is disposed with the reader); <paramref name="path"/> names it in errors.</summary>
    internal TicketActivityFileReader(Stream stream, string path)
    {
        Path = path;
        _stream = stream;
        Length = _stream.Length;
        if (Length == 0) throw new InputFormatException("the file is empty; expected a ticket-activity export (a JSON object)", path, 1, 1);
        _unitState = _state;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }
    /// <summary>File size in bytes.</summary>
    public long Length { get; }
    /// <summary>Bytes read from the file so far (for progress).</summary>
    public long BytesRead { get; private set; }
    /// <summary>The metadata, once read (null if the file has none).</summary>
    public ExportMetadata? Metadata { get; private set; }
    /// <summary>Activities read so far.</summary>
    public long Count { get; private set; }

    /// <summary>The current activity's fields, valid after <see cref="Read"/> returned true.</summary>
    public long TicketId { get; private set; }
    /// <inheritdoc cref="TicketActivity.PerformedAt"/>
    public DateTimeOffset PerformedAt { get; private set; }
    /// <inheritdoc cref="TicketActivity.PerformerType"/>
    public string PerformerType => _performerType!;
    /// <inheritdoc cref="TicketActivity.PerformerId"/>
    public long? PerformerId { get; private set; }
    /// <summary>The activity object's facts.</summary>
    public ActivityFacts Facts { get; private set; }
    /// <summary>The activity object's compact JSON and its top-level values (valid until the next <see cref="Read"/>).</summary>
    public ActivityBodyReader Body => _body;

    /// <summary>The current activity as an object.</summary>
    public TicketActivity ToActivity() =>
        new(TicketId, PerformedAt, PerformerType, PerformerId, Encoding.UTF8.GetString(_body.Json), Facts);

    /// <summary>Lowercase hex SHA-256 of the whole file; call after <see cref="Read"/> returned false.</summary>
    public string ContentHash() => Convert.ToHexString(_sha256.GetCurrentHash()).ToLowerInvariant();

    /// <summary>Advances to the next activity; false at the end of a valid file.</summary>
    public bool Read()
    {
        while (true)
        {
            if (_phase == Phase.Finished) return false;
            if (_phase == Phase.Trailing)
            {
                if (CheckTrailing()) return false;
                continue;
            }
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _checkedEnd - _start), isFinalBlock: false, _state);
            Step step;
            try
            {
                step = Advance(ref reader);
            }
            catch (JsonException exception)
            {
                throw Malformed(exception);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
            {
                // Safety net: every check above should come first, but no framework exception may leave the reader
                // without the file and position.
                throw AtUnit(_start + _unitOffset, "the value cannot be read: " + exception.Message, exception);
            }
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            _unitOffset = 0;
            _unitState = _state;
            switch (step)
            {
                case Step.Activity:
                    Count++;
                    return true;
                case Step.EndOfExport:
                    _phase = Phase.Trailing;
                    break;
                default:
                    NeedData();
                    break;
            }
        }
    }

    /// <summary>The unit in the buffer is incomplete: read more, or say why there is no more.</summary>
    private void NeedData()
    {
        if (_invalidUtf8) throw InvalidUtf8();
        if (_final && _checkedEnd == _end)
        {
            var reason = _phase == Phase.Start
                ? "the file holds no JSON; expected a ticket-activity export (a JSON object)"
                : "the file ends before the JSON is complete (truncated?)";
            throw AtUnit(_end, reason);
        }
        Refill();
    }

    /// <summary>What the file starts with, and what to do instead when it is recognisably something else.</summary>
    private string Found(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("SQLite format 3\0"u8))
            return "an SQLite database. Pass a SupportTools store as -Database, not as an export to import";
        var found = JsonValues.DescribeStart(start);
        if (start.StartsWith("\"TicketId\""u8) || start.StartsWith("TicketId,"u8) || string.Equals(System.IO.Path.GetExtension(Path), ".csv", StringComparison.OrdinalIgnoreCase))
            return found + ". For a CSV of activities (Export-Csv), pipe its rows: Import-Csv FILE | Import-TicketActivity";
        return found;
    }

    private Step Advance(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var unitStart = reader;
            _unitOffset = (int)reader.BytesConsumed;
            _unitState = reader.CurrentState;
            switch (_phase)
            {
                case Phase.Start:
                    // Judged by the first byte: a bare number or word would wait for more data with isFinalBlock false.
                    var text = _buffer.AsSpan(_start, _checkedEnd - _start);
                    var first = text.IndexOfAnyExcept(" \t\r\n"u8);
                    if (first < 0) return Step.NeedData;
                    if (text[first] != '{')
                        throw At(_start + first, $"expected a JSON object with metadata and activities_data, found {Found(text[first..])}", null);
                    reader.Read();
                    _phase = Phase.TopLevel;
                    break;
                case Phase.TopLevel:
                    if (!Probe(reader)) { reader = unitStart; return Step.NeedData; }
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        CheckIsExport(ref reader);
                        return Step.EndOfExport;
                    }
                    CheckEscapes(ref reader);
                    if (reader.ValueTextEquals("metadata"u8))
                    {
                        reader.Read();
                        Metadata = ReadMetadata(ref reader);
                        _hasMetadata = true;
                    }
                    else if (reader.ValueTextEquals("activities_data"u8))
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.StartArray)
                            throw At(reader, $"activities_data must be a list (JSON array), found {JsonValues.Describe(ref reader)}", "activities_data");
                        _hasActivities = true;
                        _phase = Phase.Activities;
                    }
                    else
                    {
                        if (_otherKeys.Count < 5) _otherKeys.Add(JsonValues.Quote(reader.GetString()!));
                        reader.Read();
                        SkipValue(ref reader);
                    }
                    break;
                case Phase.Activities:
                    if (!Probe(reader)) { reader = unitStart; return Step.NeedData; }
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndArray) { _phase = Phase.TopLevel; break; }
                    ReadActivity(ref reader);
                    return Step.Activity;
            }
        }
    }

    /// <summary>
    /// True when the next unit (a token, or a property/element with its whole value) is in the buffer. The one
    /// exception is <c>activities_data</c>: only its opening bracket is needed, its elements are units of their own
    /// (waiting for the whole array would buffer the whole file).
    /// </summary>
    private static bool Probe(Utf8JsonReader probe)
    {
        if (!probe.Read()) return false;
        var isActivities = probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals("activities_data"u8);
        if (probe.TokenType == JsonTokenType.PropertyName && !probe.Read()) return false;
        if (isActivities && probe.TokenType == JsonTokenType.StartArray) return true;
        return probe.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || probe.TrySkip();
    }

    /// <summary>
    /// Skips a value the export does not define (any JSON: nested objects, lists, long strings), checking its strings
    /// on the way. Token by token rather than <c>Skip()</c>, which refuses a reader that is not on the final block even
    /// when the value is whole (the probe made sure it is).
    /// </summary>
    private void SkipValue(ref Utf8JsonReader reader)
    {
        CheckEscapes(ref reader);
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            CheckEscapes(ref reader);
            if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) return;
        }
        throw new InvalidOperationException("the probe passed an incomplete value"); // cannot happen; the safety net locates it
    }

    /// <summary>Refuses a string or key whose \u escapes hold a lone surrogate (not Unicode).</summary>
    private void CheckEscapes(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped || reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) return;
        var bad = JsonValues.LoneSurrogateIndex(reader.ValueSpan);
        if (bad >= 0) throw AtUnit(_start + (int)reader.TokenStartIndex + 1 + bad, "a \\u escape is a lone surrogate, which is not valid Unicode");
    }

    /// <summary>At the top-level object's end: it must have been an export, not any JSON object.</summary>
    private void CheckIsExport(ref Utf8JsonReader reader)
    {
        var at = _start + (int)reader.TokenStartIndex;
        _exportEnd = LineAndColumn(at);
        if (_hasActivities) return;
        var found = _otherKeys.Count == 0 ? "" : $" (its keys: {string.Join(", ", _otherKeys)}{(_otherKeys.Count == 5 ? ", …" : "")})";
        var reason = _hasMetadata
            ? "not a ticket-activity export: the JSON object has metadata but no activities_data"
            : _otherKeys.Count == 0
                ? "not a ticket-activity export: the JSON object is empty; expected metadata and activities_data"
                : "not a ticket-activity export: the JSON object has neither metadata nor activities_data" + found;
        throw At(at, reason, "activities_data");
    }

    /// <summary>After the export object only whitespace may follow; true once the file is finished.</summary>
    private bool CheckTrailing()
    {
        var rest = _buffer.AsSpan(_start, _checkedEnd - _start);
        var data = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (data >= 0)
            throw At(_start + data, $"unexpected data after the end of the export (its closing brace is at line {_exportEnd.Line}, " +
                $"byte {_exportEnd.Column}): found {JsonValues.Snippet(rest[data..])}", null);
        _start = _checkedEnd;
        if (_invalidUtf8) throw InvalidUtf8();
        if (!_final) { Refill(); return false; }
        _phase = Phase.Finished;
        CheckCount();
        return true;
    }

    private ExportMetadata ReadMetadata(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw At(reader, $"metadata must be an object, found {JsonValues.Describe(ref reader)}", "metadata", section: "metadata");
        DateTimeOffset? start = null, end = null;
        long? count = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            CheckEscapes(ref reader);
            if (reader.ValueTextEquals("start_at"u8)) { reader.Read(); start = ReadTime(ref reader, "metadata.start_at", null); }
            else if (reader.ValueTextEquals("end_at"u8)) { reader.Read(); end = ReadTime(ref reader, "metadata.end_at", null); }
            else if (reader.ValueTextEquals("activities_count"u8))
            {
                reader.Read();
                if (!JsonValues.TryGetWhole(ref reader, out var n) || n < 0)
                    throw At(reader, $"activities_count must be a whole number, found {JsonValues.Describe(ref reader)}",
                        "metadata.activities_count", section: "metadata");
                count = n;
            }
            else
            {
                reader.Read();
                SkipValue(ref reader); // unknown metadata keys are tolerated
            }
        }
        return new ExportMetadata(start, end, count);
    }

    private void ReadActivity(ref Utf8JsonReader reader)
    {
        var record = Count + 1;
        var elementStart = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw At(reader, $"activity {record} is not a JSON object, found {JsonValues.Describe(ref reader)}", null, record);
        long? ticketId = null, performerId = null;
        DateTimeOffset? performedAt = null;
        string? performerType = null;
        var hasBody = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            CheckEscapes(ref reader);
            var key = reader.ValueSpan;
            reader.Read();
            if (key.SequenceEqual("ticket_id"u8)) ticketId = ReadId(ref reader, "ticket_id", record);
            else if (key.SequenceEqual("performed_at"u8)) performedAt = ReadTime(ref reader, "performed_at", record);
            else if (key.SequenceEqual("performer_type"u8)) performerType = ReadPerformerType(ref reader, record);
            else if (key.SequenceEqual("performer_id"u8)) performerId = reader.TokenType == JsonTokenType.Null ? null : ReadId(ref reader, "performer_id", record);
            else if (key.SequenceEqual("activity"u8))
            {
                try
                {
                    Facts = _body.Read(ref reader);
                }
                catch (InputFormatException exception)
                {
                    // The body reader locates its errors by offset in the same input the JSON reader sees.
                    var bodyAt = exception.BytePosition is { } offset ? _start + (int)offset - 1 : _start + (int)reader.TokenStartIndex;
                    throw At(bodyAt, exception.Reason, exception.Field, record);
                }
                hasBody = true;
            }
            else SkipValue(ref reader); // unknown row-level keys are ignored; everything inside "activity" is kept
        }
        var at = _start + (int)elementStart;
        TicketId = ticketId ?? throw At(at, $"activity {record} has no ticket_id", "ticket_id", record);
        PerformedAt = performedAt ?? throw At(at, $"activity {record} has no performed_at", "performed_at", record);
        _performerType = performerType ?? throw At(at, $"activity {record} has no performer_type", "performer_type", record);
        if (!hasBody) throw At(at, $"activity {record} has no activity object", "activity", record);
        PerformerId = performerId;
    }

    private long ReadId(ref Utf8JsonReader reader, string field, long record)
    {
        if (JsonValues.TryGetWhole(ref reader, out var id)) return id;
        CheckEscapes(ref reader);
        throw At(reader, $"{field} must be a whole number, found {JsonValues.Describe(ref reader)}", field, record);
    }

    /// <summary>Reads a time; <paramref name="record"/> is null for the metadata's times.</summary>
    private DateTimeOffset ReadTime(ref Utf8JsonReader reader, string field, long? record)
    {
        var section = record is null ? "metadata" : null;
        if (reader.TokenType != JsonTokenType.String)
            throw At(reader, $"{field} must be a date in the format '{FreshdeskTime.Format}', found {JsonValues.Describe(ref reader)}", field, record, section);
        if (!reader.ValueIsEscaped && FreshdeskTime.TryParse(reader.ValueSpan, out var value)) return value;
        return ReadEscapedTime(ref reader, field, record, section);
    }

    /// <summary>The rare path: a time written with \u escapes, or no valid time (then the error says why).</summary>
    private DateTimeOffset ReadEscapedTime(ref Utf8JsonReader reader, string field, long? record, string? section)
    {
        CheckEscapes(ref reader);
        Span<byte> unescaped = stackalloc byte[FreshdeskTime.Length * 6];
        scoped ReadOnlySpan<byte> text = reader.ValueSpan;
        if (reader.ValueIsEscaped && text.Length <= unescaped.Length) text = unescaped[..reader.CopyString(unescaped)];
        if (FreshdeskTime.TryParse(text, out var value)) return value;
        throw At(reader, $"{field} is not a valid time ({FreshdeskTime.Problem(text)}): found {JsonValues.Describe(ref reader)}",
            field, record, section);
    }

    private string ReadPerformerType(ref Utf8JsonReader reader, long record)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw At(reader, $"performer_type must be a string, found {JsonValues.Describe(ref reader)}", "performer_type", record);
        CheckEscapes(ref reader);
        // Interned: two values repeat millions of times.
        if (reader.ValueTextEquals("user"u8)) return "user";
        if (reader.ValueTextEquals("system"u8)) return "system";
        return reader.GetString()!;
    }

    private void CheckCount()
    {
        if (Metadata?.ActivitiesCount is { } expected && expected != Count)
            throw new InputFormatException($"metadata.activities_count says {expected} but the file holds {Count} activities (incomplete or edited file)",
                Path, field: "metadata.activities_count", section: "metadata");
    }

    private void Refill()
    {
        var pending = _end - _start;
        if (_start == 0 && pending == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // one unit larger than the buffer
        else
        {
            CountLines(0, _start);
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _bufferOffset += _start;
            _checkedEnd -= _start;
            _start = 0;
            _end = pending;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _sha256.AppendData(_buffer, _end, read);
        _end += read;
        BytesRead += read;
        _final = read == 0 || BytesRead == Length;
        if (!_startChecked && (_end >= Bom.Length || _final))
        {
            _startChecked = true;
            if (_buffer.AsSpan(0, _end).StartsWith(Bom))
            {
                _start = _checkedEnd = Bom.Length; // a UTF-8 BOM is not content, nor a byte of line 1
                _lineStartOffset = Bom.Length;
            }
        }
        CheckUtf8();
    }

    /// <summary>
    /// Extends the checked UTF-8 region over the bytes read, up to the last whole character (the rest of a character
    /// split by the read comes with the next one). An invalid sequence stops the region: the JSON reader gets what
    /// precedes it, and the error is raised when it needs more.
    /// </summary>
    private void CheckUtf8()
    {
        if (_invalidUtf8 || _startChecked is false) return;
        var span = _buffer.AsSpan(_checkedEnd, _end - _checkedEnd);
        var whole = _final ? span.Length : WholeCharacters(span);
        if (System.Text.Unicode.Utf8.IsValid(span[..whole]))
        {
            _checkedEnd += whole;
            return;
        }
        var i = 0;
        while (System.Text.Rune.DecodeFromUtf8(span[i..whole], out _, out var consumed) == System.Buffers.OperationStatus.Done) i += consumed;
        _checkedEnd += i;
        _invalidUtf8 = true;
    }

    /// <summary>The length of <paramref name="span"/> without a trailing, incomplete multi-byte character.</summary>
    private static int WholeCharacters(ReadOnlySpan<byte> span)
    {
        for (var back = 1; back <= Math.Min(3, span.Length); back++)
        {
            var b = span[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back for the lead byte
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? span.Length - back : span.Length;
        }
        return span.Length;
    }

    private InputFormatException InvalidUtf8()
    {
        var reason = _checkedEnd < _end
            ? $"the file is not valid UTF-8: byte 0x{_buffer[_checkedEnd]:X2} does not start a valid character here; export files are UTF-8 text"
            : "the file is not valid UTF-8: it ends inside a character; export files are UTF-8 text";
        return AtUnit(_checkedEnd, reason);
    }

    private void CountLines(int from, int to)
    {
        var span = _buffer.AsSpan(from, to - from);
        var newlines = span.Count((byte)'\n');
        if (newlines == 0) return;
        _linesBeforeBuffer += newlines;
        _lineStartOffset = _bufferOffset + from + span.LastIndexOf((byte)'\n') + 1;
    }

    private InputFormatException Malformed(JsonException exception)
    {
        // The reader carries its line and byte-in-line across buffers in JsonReaderState, so these are file positions
        // (0-based). Never told it holds the final block, the reader only throws for JSON that is wrong, not short.
        var (field, section) = FieldAt(_checkedEnd);
        return new InputFormatException("not valid JSON: " + exception.Message.Split(" LineNumber:")[0], Path,
            (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1, field,
            _phase == Phase.Activities ? Count + 1 : null, inner: exception, section: section);
    }

    /// <summary>An error inside the current unit at a buffer index, its field found by replaying the unit.</summary>
    private InputFormatException AtUnit(int bufferIndex, string reason, Exception? inner = null)
    {
        var (field, section) = FieldAt(bufferIndex);
        var (line, column) = LineAndColumn(bufferIndex);
        return new InputFormatException(reason, Path, line, column, field, _phase == Phase.Activities ? Count + 1 : null,
            inner: inner, section: section);
    }

    /// <summary>
    /// The dotted key path (relative to the row, or from the top level) of the value being read at a buffer index:
    /// the unit is replayed up to there. Only called for errors.
    /// </summary>
    private (string? Field, string? Section) FieldAt(int bufferIndex)
    {
        var from = _start + _unitOffset;
        if (bufferIndex <= from || _phase is not (Phase.TopLevel or Phase.Activities)) return (null, null);
        var names = new string?[MaxDepth + 2];
        var replay = new Utf8JsonReader(_buffer.AsSpan(from, Math.Min(bufferIndex, _checkedEnd) - from), isFinalBlock: false, _unitState);
        try
        {
            while (replay.Read())
            {
                var depth = replay.CurrentDepth;
                if (replay.TokenType == JsonTokenType.PropertyName && depth >= 1 && depth <= MaxDepth + 1)
                {
                    Array.Clear(names, depth - 1, names.Length - depth + 1);
                    names[depth - 1] = Encoding.UTF8.GetString(replay.ValueSpan);
                }
                else if (replay.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && depth <= MaxDepth)
                    Array.Clear(names, depth, names.Length - depth);
            }
        }
        catch (JsonException)
        {
            // the replay stops where the error is; the names so far are the path
        }
        var path = string.Join(".", names.Where(n => n is not null));
        if (path.Length == 0) return (null, null);
        return (path, path == "metadata" || path.StartsWith("metadata.", StringComparison.Ordinal) ? "metadata" : null);
    }

    private InputFormatException At(Utf8JsonReader reader, string reason, string? field, long? record = null, string? section = null) =>
        At(_start + (int)reader.TokenStartIndex, reason, field, record, section);

    private InputFormatException At(int bufferIndex, string reason, string? field, long? record = null, string? section = null)
    {
        var (line, column) = LineAndColumn(bufferIndex);
        return new InputFormatException(reason, Path, line, column, field, record, section: section);
    }

    /// <summary>1-based line and byte-in-line of a buffer index (only computed when reporting an error).</summary>
    private (long Line, long Column) LineAndColumn(int bufferIndex)
    {
        var span = _buffer.AsSpan(0, Math.Min(bufferIndex, _end));
        var newlines = span.Count((byte)'\n');
        var lineStart = newlines == 0 ? _lineStartOffset : _bufferOffset + span.LastIndexOf((byte)'\n') + 1;
        return (_linesBeforeBuffer + newlines + 1, _bufferOffset + span.Length - lineStart + 1);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        _sha256.Dispose();
    }
}
