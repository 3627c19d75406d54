using System.Text;
using System.Text.Json;

namespace SupportTools.Tickets;

/// <summary>
/// Streams the Freshdesk export format in constant memory: metadata first, then <c>activities_data</c>.
/// The count and (when not given) the window are only known at the end, so they are written as fixed-width
/// placeholders (numbers padded with JSON whitespace) and patched in place by <see cref="Complete"/>;
/// the stream must therefore be seekable. A writer made by <see cref="Create"/> writes beside the target and moves the
/// file into place only when <see cref="Complete"/> succeeds; disposing without it leaves the target as it was.
/// </summary>
internal sealed class TicketActivityWriter : ITicketActivityFileWriter
{
    private const int CountWidth = 20;
    private static readonly byte[] PerformedAt = "performed_at"u8.ToArray(), TicketId = "ticket_id"u8.ToArray(),
        PerformerType = "performer_type"u8.ToArray(), PerformerId = "performer_id"u8.ToArray(), ActivityKey = "activity"u8.ToArray();

    private readonly Stream _stream;
    private readonly StagedFile? _file;
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

    private TicketActivityWriter(StagedFile file, DateTimeOffset? startAt, DateTimeOffset? endAt) : this(file.Stream, startAt, endAt) => _file = file;

    /// <summary>
    /// Starts an export that replaces <paramref name="path"/> when <see cref="Complete"/> succeeds (with
    /// <paramref name="noClobber"/>, an existing file is an <see cref="IOException"/> instead).
    /// </summary>
    public static TicketActivityWriter Create(string path, DateTimeOffset? startAt = null, DateTimeOffset? endAt = null, bool noClobber = false)
    {
        var file = StagedFile.Create(path, noClobber);
        try
        {
            return new TicketActivityWriter(file, startAt, endAt);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The file this writer replaces; null when it writes a caller's stream.</summary>
    public string? Path => _file?.TargetPath;

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

    /// <summary>Closes the JSON, patches the metadata, flushes and (for a file) moves it into place.</summary>
    public void Complete(bool noClobber = false)
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
        _json.Dispose();
        _stream.Flush();
        _file?.Commit(noClobber);
        _completed = true;
    }

    /// <summary>Releases the stream; without <see cref="Complete"/> a file's partial content is deleted.</summary>
    public void Dispose()
    {
        if (!_completed && _file is null) _json.Flush();
        _json.Dispose();
        if (_file is not null) _file.Dispose();
        else _stream.Dispose();
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
