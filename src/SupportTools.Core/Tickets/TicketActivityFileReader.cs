using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SupportTools.Tickets;

/// <summary>The export file's <c>metadata</c> object.</summary>
public sealed record ExportMetadata(DateTimeOffset? StartAt, DateTimeOffset? EndAt, long? ActivitiesCount);

/// <summary>
/// Streams a Freshdesk export file in constant memory: a buffer refilled from the file, a fresh
/// <see cref="Utf8JsonReader"/> per unit (a top-level property or one activity) resumed from the saved state, and a
/// probe (<c>TrySkip</c> on a copy) that makes sure a whole unit is buffered before it is parsed, so parsing code
/// never sees a partial value. The buffer grows only when one unit is larger than it. Errors are
/// <see cref="InputFormatException"/>s with the file, line and byte position; the SHA-256 of the content is
/// computed on the way.
/// </summary>
public sealed class TicketActivityFileReader : IDisposable
{
    private readonly Stream _stream;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ActivityBodyReader _body = new();
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
    private Phase _phase = Phase.Start;
    private long _bufferOffset, _linesBeforeBuffer, _lineStartOffset; // file position of _buffer[0] and line bookkeeping
    private string? _performerType;

    private enum Phase { Start, TopLevel, Activities, Done }
    private enum Step { Activity, NeedData, Done }

    /// <summary>Opens <paramref name="path"/> for streaming.</summary>
    public TicketActivityFileReader(string path)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        Length = _stream.Length;
        if (Length == 0) throw new InputFormatException("the file is empty; expected a ticket-activity export (a JSON object)", path, 1, 1);
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
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            Step step;
            try
            {
                step = Advance(ref reader);
            }
            catch (JsonException exception)
            {
                throw Malformed(exception);
            }
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            switch (step)
            {
                case Step.Activity:
                    Count++;
                    return true;
                case Step.Done:
                    CheckCount();
                    return false;
                default:
                    if (_final) throw At(_end, "the file ends before the JSON is complete (truncated?)", null);
                    Refill();
                    break;
            }
        }
    }

    private Step Advance(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var unitStart = reader;
            switch (_phase)
            {
                case Phase.Start:
                    if (!reader.Read()) return Step.NeedData;
                    if (reader.TokenType != JsonTokenType.StartObject)
                        throw At(reader, "expected a JSON object with metadata and activities_data", null);
                    _phase = Phase.TopLevel;
                    break;
                case Phase.TopLevel:
                    if (!Probe(reader)) { reader = unitStart; return Step.NeedData; }
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _phase = Phase.Done;
                        if (!_final || reader.Read()) // anything but whitespace after the object is an error (Read throws)
                            return Step.NeedData;
                        return Step.Done;
                    }
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "metadata") Metadata = ReadMetadata(ref reader);
                    else if (name == "activities_data")
                    {
                        if (reader.TokenType != JsonTokenType.StartArray) throw At(reader, "activities_data must be an array", "activities_data");
                        _phase = Phase.Activities;
                    }
                    else reader.Skip();
                    break;
                case Phase.Activities:
                    if (!Probe(reader)) { reader = unitStart; return Step.NeedData; }
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndArray) { _phase = Phase.TopLevel; break; }
                    ReadActivity(ref reader);
                    return Step.Activity;
                case Phase.Done:
                    if (reader.Read()) throw At(reader, "unexpected content after the export object", null);
                    return _final ? Step.Done : Step.NeedData;
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

    private ExportMetadata ReadMetadata(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw At(reader, "metadata must be an object", "metadata");
        DateTimeOffset? start = null, end = null;
        long? count = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "start_at": start = ReadTime(ref reader, "metadata.start_at"); break;
                case "end_at": end = ReadTime(ref reader, "metadata.end_at"); break;
                case "activities_count":
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var n) || n < 0)
                        throw At(reader, "activities_count must be a whole number", "metadata.activities_count");
                    count = n;
                    break;
                default: reader.Skip(); break;
            }
        }
        return new ExportMetadata(start, end, count);
    }

    private void ReadActivity(ref Utf8JsonReader reader)
    {
        var record = Count + 1;
        var elementStart = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject) throw At(reader, $"activity {record} is not a JSON object", null);
        long? ticketId = null, performerId = null;
        DateTimeOffset? performedAt = null;
        string? performerType = null;
        var hasBody = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueSpan;
            reader.Read();
            if (key.SequenceEqual("ticket_id"u8)) ticketId = ReadId(ref reader, "ticket_id", record);
            else if (key.SequenceEqual("performed_at"u8)) performedAt = ReadTime(ref reader, "performed_at");
            else if (key.SequenceEqual("performer_type"u8)) performerType = ReadPerformerType(ref reader, record);
            else if (key.SequenceEqual("performer_id"u8)) performerId = reader.TokenType == JsonTokenType.Null ? null : ReadId(ref reader, "performer_id", record);
            else if (key.SequenceEqual("activity"u8))
            {
                var bodyStart = reader.TokenStartIndex;
                try
                {
                    Facts = _body.Read(ref reader);
                }
                catch (InputFormatException exception)
                {
                    throw At(_start + (int)bodyStart, exception.Reason, exception.Field, record);
                }
                hasBody = true;
            }
            else reader.Skip(); // unknown row-level keys are tolerated; everything inside "activity" is kept
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
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var id)) return id;
        throw At(reader, $"{field} must be a whole number, found {Describe(ref reader)}", field, record);
    }

    private DateTimeOffset ReadTime(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && FreshdeskTime.TryParse(reader.ValueSpan, out var value))
            return value;
        throw At(reader, $"{field} must be a date in the format '{FreshdeskTime.Format}', found {Describe(ref reader)}", field, Count + 1);
    }

    private string ReadPerformerType(ref Utf8JsonReader reader, long record)
    {
        if (reader.TokenType != JsonTokenType.String) throw At(reader, $"performer_type must be a string, found {Describe(ref reader)}", "performer_type", record);
        // Interned: two values repeat millions of times.
        if (reader.ValueTextEquals("user"u8)) return "user";
        if (reader.ValueTextEquals("system"u8)) return "system";
        return reader.GetString()!;
    }

    private void CheckCount()
    {
        if (Metadata?.ActivitiesCount is { } expected && expected != Count)
            throw new InputFormatException($"metadata.activities_count says {expected} but the file holds {Count} activities (incomplete or edited file)",
                Path, field: "metadata.activities_count");
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
            _start = 0;
            _end = pending;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _sha256.AppendData(_buffer, _end, read);
        _end += read;
        BytesRead += read;
        _final = read == 0 || BytesRead == Length;
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
        // The reader carries its line and byte-in-line across buffers in JsonReaderState, so these are file positions (0-based).
        var truncated = _final && (exception.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase)
                                   || exception.Message.Contains("depth to be zero", StringComparison.OrdinalIgnoreCase));
        var reason = truncated ? "the file ends before the JSON is complete (truncated?)" : "not valid JSON: " + exception.Message.Split(" LineNumber:")[0];
        return new InputFormatException(reason, Path, (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1,
            record: _phase == Phase.Activities ? Count + 1 : null, inner: exception);
    }

    private InputFormatException At(Utf8JsonReader reader, string reason, string? field, long? record = null) =>
        At(_start + (int)reader.TokenStartIndex, reason, field, record);

    private InputFormatException At(int bufferIndex, string reason, string? field, long? record = null)
    {
        var (line, column) = LineAndColumn(bufferIndex);
        return new InputFormatException(reason, Path, line, column, field, record);
    }

    /// <summary>1-based line and byte-in-line of a buffer index (only computed when reporting an error).</summary>
    private (long Line, long Column) LineAndColumn(int bufferIndex)
    {
        var span = _buffer.AsSpan(0, Math.Min(bufferIndex, _end));
        var newlines = span.Count((byte)'\n');
        var lineStart = newlines == 0 ? _lineStartOffset : _bufferOffset + span.LastIndexOf((byte)'\n') + 1;
        return (_linesBeforeBuffer + newlines + 1, _bufferOffset + span.Length - lineStart + 1);
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"\"{reader.GetString()}\"",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => reader.TokenType.ToString().ToLowerInvariant(),
    };

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        _sha256.Dispose();
    }
}
