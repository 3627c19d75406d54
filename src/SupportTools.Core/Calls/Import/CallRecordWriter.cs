using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// Writes calls as a file <see cref="CallRecordFileReader"/> imports, streaming (see <see cref="CallFileFormat"/>):
/// the generator's output for tests and the benchmark. A file is written beside its target and moved into place by
/// <see cref="Complete"/>.
/// </summary>
internal sealed class CallRecordWriter : IDisposable
{
    /// <summary>The CSV header: the CDR fields the CSV carries, in order.</summary>
    public const string CsvHeader = "call_id,call_time,call_direction,duration_seconds,billing_seconds,ringing_seconds,caller_id_number,caller_id_name,callee_id_number,hangup_cause,unanswered";

    private readonly StagedFile? _file;
    private readonly Stream _stream;
    private readonly CallFileFormat _format;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to <paramref name="stream"/> (left open).</summary>
    public CallRecordWriter(Stream stream, CallFileFormat format) : this(null, stream, format)
    {
    }

    private CallRecordWriter(StagedFile? file, Stream stream, CallFileFormat format)
    {
        _file = file;
        _stream = stream;
        _format = format;
        // Plain "+64..." as Kazoo writes numbers, not the default encoder's "\u002B64...".
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (format == CallFileFormat.Csv) Append(CsvHeader + "\n");
        else if (format == CallFileFormat.JsonArray) Append("[\n");
    }

    /// <summary>Starts writing the file <paramref name="path"/>.</summary>
    public static CallRecordWriter Create(string path, CallFileFormat format)
    {
        var file = StagedFile.Create(path);
        return new CallRecordWriter(file, file.Stream, format);
    }

    /// <summary>Calls written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one call.</summary>
    public void Write(CallRecord call)
    {
        if (_format == CallFileFormat.Csv) WriteCsv(call);
        else WriteJson(call);
        Count++;
        if (_buffer.WrittenCount > (1 << 16) - 4096) Flush();
    }

    private void WriteJson(CallRecord call)
    {
        if (_format == CallFileFormat.JsonArray && Count > 0) Append(",\n");
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString("call_id"u8, call.CallId);
        // A raw CDR document's timestamp is when the leg ended (see CallStart): its start plus its duration.
        _json.WriteNumber("timestamp"u8, call.CallTime.ToUnixTimeSeconds() + call.DurationSeconds + CallTimes.GregorianUnixEpoch);
        if (call.CallDirection is { } direction) _json.WriteString("call_direction"u8, direction);
        // Kazoo writes some numbers as strings: so do we, so imports are tested on them.
        _json.WriteString("duration_seconds"u8, call.DurationSeconds.ToString(CultureInfo.InvariantCulture));
        _json.WriteString("billing_seconds"u8, call.BillingSeconds.ToString(CultureInfo.InvariantCulture));
        _json.WriteString("ringing_seconds"u8, call.RingingSeconds.ToString(CultureInfo.InvariantCulture));
        if (call.CallerIdNumber is { } callerNumber) _json.WriteString("caller_id_number"u8, callerNumber);
        if (call.CallerIdName is { } callerName) _json.WriteString("caller_id_name"u8, callerName);
        if (call.CalleeIdNumber is { } calleeNumber) _json.WriteString("callee_id_number"u8, calleeNumber);
        if (call.HangupCause is { } cause) _json.WriteString("hangup_cause"u8, cause);
        _json.WriteEndObject();
        _json.Flush();
        if (_format == CallFileFormat.JsonLines) Append("\n");
    }

    private void WriteCsv(CallRecord call)
    {
        var line = string.Join(',', Csv(call.CallId), call.CallTime.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
            Csv(call.CallDirection), call.DurationSeconds.ToString(CultureInfo.InvariantCulture), call.BillingSeconds.ToString(CultureInfo.InvariantCulture),
            call.RingingSeconds.ToString(CultureInfo.InvariantCulture), Csv(call.CallerIdNumber), Csv(call.CallerIdName), Csv(call.CalleeIdNumber),
            Csv(call.HangupCause), call.Unanswered ? "true" : "false");
        Append(line + "\n");
    }

    /// <summary>A CSV value, quoted when it holds a comma, quote or line break.</summary>
    private static string Csv(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private void Append(string text)
    {
        var span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private void Flush()
    {
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    /// <summary>Ends the file (closing a JSON array) and, for a file, moves it into place.</summary>
    public void Complete()
    {
        if (_format == CallFileFormat.JsonArray) Append("\n]\n");
        Flush();
        _stream.Flush();
        _file?.Commit();
    }

    /// <summary>Deletes an uncompleted file.</summary>
    public void Dispose()
    {
        _json.Dispose();
        _file?.Dispose();
    }
}
