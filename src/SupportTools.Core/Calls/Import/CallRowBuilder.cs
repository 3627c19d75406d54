using System.Runtime.CompilerServices;
using System.Buffers.Text;
using System.Text;

namespace SupportTools.Calls;

/// <summary>
/// Assembles one call leg from its fields, however the file spells them: numbers as numbers or as strings, booleans as
/// <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c> or <c>yes</c>/<c>no</c> (any case), empty values and JSON null as
/// missing, Kazoo's listing names beside the module's own (see <see cref="CallFields"/>). Checks each value, derives what
/// is missing (the start time by <see cref="CallStart"/>'s one rule, <c>unanswered</c> by <see cref="CallOutcome"/>,
/// the call the leg belongs to by <see cref="CallLink"/>, zones by the <see cref="CallZoneResolver"/>) and writes the
/// leg into a <see cref="CallChunk"/>. A bad value is a <see cref="CallFieldException"/> for the reader to locate.
/// Shared by the JSON and CSV readers and <see cref="KazooCdrDocument"/>; one per reader.
/// </summary>
internal sealed class CallRowBuilder(CallZoneResolver? zones)
{
    private readonly List<(byte[] Utf8, string Text)> _causes = [];
    private CallChunk? _chunk;
    private bool _hasId, _hasUnanswered, _hasCallerZone, _hasCalleeZone, _isListing;
    private CallStart _start;
    private TextSlice _dialedNumber, _callingFrom, _bridgeId, _otherLeg;

    /// <summary>
    /// Starts a call in <paramref name="chunk"/>; <paramref name="isListing"/> when the file says the record is a
    /// crossbar listing row (a CSV header with listing columns), whose <c>timestamp</c> is the leg's start.
    /// </summary>
    public void Begin(CallChunk chunk, bool isListing = false)
    {
        _chunk = chunk;
        chunk.Next = new CallRow
        {
            CallId = TextSlice.Null, CallerIdNumber = TextSlice.Null, CalleeIdNumber = TextSlice.Null, CallerIdName = TextSlice.Null,
            InteractionId = TextSlice.Null,
        };
        _hasId = _hasUnanswered = _hasCallerZone = _hasCalleeZone = false;
        _isListing = isListing;
        _start = default;
        _dialedNumber = _callingFrom = _bridgeId = _otherLeg = TextSlice.Null;
    }

    /// <summary>True once a listing-only field was met (or <see cref="Begin"/> was told so).</summary>
    public bool IsListing => _isListing;

    /// <summary>
    /// Sets <paramref name="field"/> from <paramref name="value"/> (UTF-8: a string's content or a number's text;
    /// <paramref name="isString"/> false for JSON numbers). An empty value is missing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(CallField field, ReadOnlySpan<byte> value, bool isString)
    {
        if (field is CallField.Direction or CallField.UnixTimestamp or CallField.Datetime or CallField.DialedNumber or CallField.CallingFrom
            or CallField.ListingMarker) _isListing = true;
        if (value.IsEmpty) return;
        ref var row = ref _chunk!.Next;
        switch (field)
        {
            case CallField.CallId:
                row.CallId = Text(value);
                _hasId = true;
                break;
            case CallField.CallTime:
            case CallField.CallTimeIso:
                if (field == CallField.CallTime && _start.CallTime is not null) break; // call_time_iso came first and wins
                long unix = 0;
                var reading = isString ? CallTimes.Parse(value, out unix) : CallTimeReading.Invalid;
                if (reading == CallTimeReading.Ambiguous)
                    throw new CallFieldException($"the date {Shown(value)} reads as two days (day and month could be swapped); write call times in ISO 8601 " +
                        "(e.g. 2016-03-04T08:00:00Z), as Get-CallRecord's CallTimeIso column has them");
                if (reading != CallTimeReading.Valid)
                    throw new CallFieldException($"expected an ISO 8601 date and time with an offset or Z (e.g. 2016-03-04T08:00:00Z), found {Shown(value)}");
                _start.CallTime = unix;
                break;
            case CallField.Timestamp:
                _start.Timestamp = Integer(value);
                break;
            case CallField.UnixTimestamp:
                _start.UnixTimestamp = Integer(value);
                break;
            case CallField.Datetime:
                if (!CallTimes.TryParseKazooDatetime(value, out var datetime))
                    throw new CallFieldException($"expected Kazoo's datetime (yyyy-MM-dd HH:mm:ss, UTC), found {Shown(value)}");
                _start.Datetime = datetime;
                break;
            case CallField.CallDirection:
            case CallField.Direction:
                row.Direction = Ascii.EqualsIgnoreCase(value, "inbound"u8) ? "inbound"
                    : Ascii.EqualsIgnoreCase(value, "outbound"u8) ? "outbound"
                    : throw new CallFieldException($"expected inbound or outbound, found {Shown(value)}");
                break;
            case CallField.DurationSeconds:
                row.DurationSeconds = Seconds(value);
                _start.DurationSeconds = row.DurationSeconds;
                break;
            case CallField.BillingSeconds:
                row.BillingSeconds = Seconds(value);
                break;
            case CallField.RingingSeconds:
                row.RingingSeconds = Seconds(value);
                break;
            case CallField.CallerIdNumber:
                row.CallerIdNumber = Text(value);
                break;
            case CallField.CallerIdName:
                row.CallerIdName = Text(value);
                break;
            case CallField.CalleeIdNumber:
                row.CalleeIdNumber = Text(value);
                break;
            case CallField.DialedNumber:
                _dialedNumber = Text(value);
                break;
            case CallField.CallingFrom:
                _callingFrom = Text(value);
                break;
            case CallField.HangupCause:
                row.HangupCause = Cause(value);
                break;
            case CallField.Unanswered:
                row.Unanswered = Boolean(value);
                _hasUnanswered = true;
                break;
            case CallField.CallerZoneId:
                row.CallerZoneId = Integer(value);
                _hasCallerZone = true;
                break;
            case CallField.CalleeZoneId:
                row.CalleeZoneId = Integer(value);
                _hasCalleeZone = true;
                break;
            case CallField.InteractionId:
                row.InteractionId = Text(value); // the top-level key and custom_channel_vars' agree; either will do
                break;
            case CallField.BridgeId:
                _bridgeId = Text(value);
                break;
            case CallField.OtherLegCallId:
                _otherLeg = Text(value);
                break;
        }
    }

    /// <summary>Sets the fields the record lacks to what they are derived as, and keeps the call in the chunk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void End()
    {
        var chunk = _chunk!;
        ref var row = ref chunk.Next;
        if (!_hasId) throw new CallFieldException("the record has no call_id", CallField.CallId);
        row.CallTime = _start.Resolve(_isListing);
        if (row.CallerIdNumber.IsNull) row.CallerIdNumber = _callingFrom;
        if (row.CalleeIdNumber.IsNull) row.CalleeIdNumber = _dialedNumber;
        var text = chunk.Text;
        row.Key = CallKey.Of(row.CallId.In(text));
        if (row.InteractionId.IsNull) row.InteractionId = CallLink.Of(row.CallId, row.Direction, _bridgeId, _otherLeg);
        row.InteractionKey = row.InteractionId.IsNull ? 0 : CallKey.Of(row.InteractionId.In(text));
        if (!_hasUnanswered) row.Unanswered = CallOutcome.IsUnanswered(row.BillingSeconds, row.HangupCause);
        if (zones is not null)
        {
            if (!_hasCallerZone && !row.CallerIdNumber.IsNull) row.CallerZoneId = zones.ZoneOf(row.CallerIdNumber.In(text));
            if (!_hasCalleeZone && !row.CalleeIdNumber.IsNull) row.CalleeZoneId = zones.ZoneOf(row.CalleeIdNumber.In(text));
            if (_hasCallerZone && !row.CallerIdNumber.IsNull) zones.Recognise(row.CallerZoneId!.Value, row.CallerIdNumber.In(text));
            if (_hasCalleeZone && !row.CalleeIdNumber.IsNull) zones.Recognise(row.CalleeZoneId!.Value, row.CalleeIdNumber.In(text));
        }
        row.ZonesGiven = (_hasCallerZone ? 1 : 0) | (_hasCalleeZone ? 2 : 0);
        chunk.Commit();
    }

    /// <summary>True when the reader checks every value is UTF-8 before <see cref="Set"/> (the CSV reader): not checked twice.</summary>
    public bool ValuesChecked { get; set; }

    private TextSlice Text(ReadOnlySpan<byte> value)
    {
        if (!ValuesChecked && !System.Text.Unicode.Utf8.IsValid(value)) throw new CallFieldException("the text is not valid UTF-8");
        return _chunk!.AddText(value);
    }

    private string Cause(ReadOnlySpan<byte> value)
    {
        foreach (var (utf8, text) in _causes)
            if (value.SequenceEqual(utf8)) return text;
        if (!System.Text.Unicode.Utf8.IsValid(value)) throw new CallFieldException("the text is not valid UTF-8");
        var cause = Encoding.UTF8.GetString(value);
        if (_causes.Count < 256) _causes.Add((value.ToArray(), cause)); // a few dozen causes exist: one string each
        return cause;
    }

    private static long Seconds(ReadOnlySpan<byte> value)
    {
        var seconds = Integer(value);
        return seconds >= 0 ? seconds : throw new CallFieldException($"expected a number of seconds (0 or more), found {Shown(value)}");
    }

    /// <summary>An integer, also written as a string or with a zero fraction (<c>"12"</c>, <c>12.0</c>).</summary>
    private static long Integer(ReadOnlySpan<byte> value)
    {
        if (Utf8Parser.TryParse(value, out long integer, out var used) && used == value.Length) return integer;
        if (Utf8Parser.TryParse(value, out double real, out used, 'E') && used == value.Length && real == Math.Floor(real) && Math.Abs(real) < 9e15) return (long)real;
        throw new CallFieldException($"expected a whole number, found {Shown(value)}");
    }

    private static bool Boolean(ReadOnlySpan<byte> value) =>
        Ascii.EqualsIgnoreCase(value, "true"u8) || value.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(value, "yes"u8) ? true
        : Ascii.EqualsIgnoreCase(value, "false"u8) || value.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(value, "no"u8) ? false
        : throw new CallFieldException($"expected true or false, found {Shown(value)}");

    /// <summary>A value quoted for a message, cut short when long.</summary>
    internal static string Shown(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value[..Math.Min(value.Length, 40)]);
        return $"'{text}{(value.Length > 40 ? "…" : "")}'";
    }
}
