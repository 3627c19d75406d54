using System.Text;
using System.Text.Json;

namespace SupportTools.Tickets;

/// <summary>
/// Streams the Freshdesk export format in constant memory: metadata first, then <c>activities_data</c>.
/// The count and (when not given) the window are only known at the end, so they are written as fixed-width
/// placeholders (numbers padded with JSON whitespace) and patched in place by <see cref="Complete"/>;
/// the stream must therefore be seekable. Disposing without <see cref="Complete"/> leaves an incomplete file.
/// </summary>
public sealed class TicketActivityWriter : IDisposable
{
    private const int CountWidth = 20;
    private static readonly byte[] PerformedAt = "performed_at"u8.ToArray(), TicketId = "ticket_id"u8.ToArray(),
        PerformerType = "performer_type"u8.ToArray(), PerformerId = "performer_id"u8.ToArray(), ActivityKey = "activity"u8.ToArray();

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly DateTimeOffset? _fixedStart, _fixedEnd;
    private readonly HashSet<long> _tickets = [];
    private long _startPosition, _endPosition, _countPosition;
    private long _lastTicket = long.MinValue;
    private bool _completed;
    private readonly byte[] _time = new byte[FreshdeskTime.Length];

    /// <summary>Starts an export on a seekable stream; a null window is taken from the activities written.</summary>
    public TicketActivityWriter(Stream stream, DateTimeOffset? startAt = null, DateTimeOffset? endAt = null)
    {
        if (!stream.CanSeek) throw new ArgumentException("The export stream must be seekable.", nameof(stream));
        _stream = stream;
        _fixedStart = startAt;
        _fixedEnd = endAt;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonOutput.Encoder, SkipValidation = true });
        WriteHeader();
    }

    /// <summary>Creates (or overwrites) <paramref name="path"/> and starts an export in it.</summary>
    public static TicketActivityWriter Create(string path, DateTimeOffset? startAt = null, DateTimeOffset? endAt = null) =>
        new(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1 << 16), startAt, endAt);

    /// <summary>Activities written so far.</summary>
    public long Count { get; private set; }
    /// <summary>Distinct tickets written so far.</summary>
    public long TicketCount => _tickets.Count;
    /// <summary>The window's start: as given, else the earliest activity written.</summary>
    public DateTimeOffset? StartAt { get; private set; }
    /// <summary>The window's end: as given, else the latest activity written.</summary>
    public DateTimeOffset? EndAt { get; private set; }

    /// <summary>Writes one activity.</summary>
    public void Write(TicketActivity activity) =>
        Write(activity.TicketId, activity.PerformedAt, activity.PerformerType, activity.PerformerId, Encoding.UTF8.GetBytes(activity.Activity));

    /// <summary>Writes one activity whose <paramref name="activityJson"/> is already a compact JSON object (written raw).</summary>
    public void Write(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, ReadOnlySpan<byte> activityJson)
    {
        _json.WriteStartObject();
        FreshdeskTime.Write(performedAt, _time);
        _json.WriteString(PerformedAt, _time);
        _json.WriteNumber(TicketId, ticketId);
        _json.WriteString(PerformerType, performerType);
        if (performerId is { } id) _json.WriteNumber(PerformerId, id);
        _json.WritePropertyName(ActivityKey);
        _json.WriteRawValue(activityJson, skipInputValidation: true);
        _json.WriteEndObject();
        Count++;
        if (ticketId != _lastTicket) _tickets.Add(_lastTicket = ticketId);
        if (StartAt is null || performedAt < StartAt) StartAt = performedAt;
        if (EndAt is null || performedAt > EndAt) EndAt = performedAt;
        if (_json.BytesPending > 1 << 16) _json.Flush();
    }

    /// <summary>Closes the JSON, patches the metadata and flushes.</summary>
    public void Complete()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        var end = _stream.Position;
        StartAt = _fixedStart ?? StartAt;
        EndAt = _fixedEnd ?? EndAt;
        Patch(_startPosition, Quoted(StartAt));
        Patch(_endPosition, Quoted(EndAt));
        Patch(_countPosition, Encoding.ASCII.GetBytes(Count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(CountWidth)));
        _stream.Position = end;
        _stream.Flush();
        _completed = true;
    }

    /// <summary>Releases the stream (after <see cref="Complete"/>, or abandoning an incomplete file).</summary>
    public void Dispose()
    {
        if (!_completed) _json.Flush();
        _json.Dispose();
        _stream.Dispose();
    }

    private void WriteHeader()
    {
        // Written by hand so the placeholder positions are known exactly.
        var placeholderTime = new string(' ', FreshdeskTime.Length);
        WriteAscii("{\"metadata\":{\"start_at\":\"");
        _startPosition = _stream.Position;
        WriteAscii(placeholderTime + "\",\"end_at\":\"");
        _endPosition = _stream.Position;
        WriteAscii(placeholderTime + "\",\"activities_count\":");
        _countPosition = _stream.Position;
        WriteAscii(new string(' ', CountWidth - 1) + "0},\"activities_data\":");
        _json.WriteStartArray();
    }

    private byte[] Quoted(DateTimeOffset? value)
    {
        // With no activity and no window given there is no time to state; the epoch keeps the field valid.
        FreshdeskTime.Write(value ?? DateTimeOffset.UnixEpoch, _time);
        return _time;
    }

    private void WriteAscii(string text) => _stream.Write(Encoding.ASCII.GetBytes(text));

    private void Patch(long position, byte[] bytes)
    {
        _stream.Position = position;
        _stream.Write(bytes);
    }
}
