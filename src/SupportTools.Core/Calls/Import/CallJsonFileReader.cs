using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// Kazoo CDR JSON: an array of CDR objects, or CDR objects one after another (one per line, as exports and log
/// shippers write them; an object may also span lines), or a saved crossbar response: an envelope
/// (<c>{"page_size":…,"next_start_key":…,"data":[…],"status":"success",…}</c>, as <c>cb_cdrs</c> answers
/// <c>GET /v2/accounts/{id}/cdrs</c>) whose <c>data</c> array holds the CDRs (or whose <c>data</c> is one CDR, as for
/// <c>/cdrs/{id}</c>). A grouped response's legs are read too: arrays of legs in the array, or <c>data</c> as an object
/// of legs by interaction (<c>{"&lt;interaction&gt;":[…],…}</c>). An
/// object that is neither a CDR nor such an envelope is an error that lists the keys it has. Each object is found whole in a refilled buffer (a scan for
/// its closing brace that skips strings), then read with a <see cref="Utf8JsonReader"/> that sees exactly that object;
/// keys other than the CDR fields (Kazoo writes dozens, and nested objects) are skipped. The buffer grows only for an
/// object larger than it. Lines are counted as the buffer advances, so errors name the line a record starts on (or
/// the line of the offending value).
/// </summary>
internal sealed class CallJsonFileReader : CallRecordFileReader
{
    private byte[] _buffer = new byte[1 << 16];
    private readonly CallJsonRecordParser _parser;
    private int _start, _end;
    private bool _endOfFile;
    private long _line = 1;         // the line _buffer[_start] is on
    private State _state = State.Start;

    private int _depth;             // arrays open around the current position (2 inside a group of legs)
    private bool _inEnvelope;       // the arrays are a crossbar response's data: its other members follow them

    private bool _inGroups;         // the arrays are the values of an object of groups (data: {"<interaction>": [legs]})

    private enum State { Start, ArrayFirst, ArrayAfterValue, ArrayNext, Lines, EnvelopeObject, GroupFirst, GroupNext, GroupAfterValue, EnvelopeRest, Trailing, Done }

    /// <summary>What the file's first object is (see <see cref="Classify"/>).</summary>
    private enum FirstObject { Cdr, DataArray, DataObject, DataGroups, NeedMore }

    /// <inheritdoc cref="CallRecordFileReader(string, Stream, CallZoneResolver)"/>
    public CallJsonFileReader(string path, Stream stream, CallZoneResolver zones) : base(path, stream, zones) =>
        _parser = new CallJsonRecordParser(Builder);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Fill(CallChunk chunk)
    {
        while (!chunk.IsFull && NextObject(out var length))
        {
            Records++;
            Parse(_buffer.AsSpan(_start, length), chunk);
            Advance(length);
        }
        return chunk.Count > 0;
    }

    /// <summary>Moves to the next CDR object (at <c>_start</c>, <paramref name="length"/> bytes); false at the end of the file.</summary>
    private bool NextObject(out int length)
    {
        length = 0;
        while (true)
        {
            if (_state == State.Done) return false;
            var skip = _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8);
            if (skip < 0)
            {
                Advance(_end - _start);
                if (_endOfFile) return End();
                Refill();
                continue;
            }
            Advance(skip);
            var c = _buffer[_start];
            switch (_state)
            {
                case State.Start when c == '[':
                    Advance(1);
                    _depth = 1;
                    _state = State.ArrayFirst;
                    continue;
                case State.Start when c == '{':
                    var kind = Classify(_buffer.AsSpan(_start, _end - _start), _endOfFile, out var dataAt);
                    if (kind == FirstObject.NeedMore)
                    {
                        Refill();
                        continue;
                    }
                    if (kind == FirstObject.Cdr)
                    {
                        _state = State.Lines;
                        continue;
                    }
                    Advance(dataAt);
                    _inEnvelope = true;
                    _depth = kind == FirstObject.DataArray ? 1 : 0;
                    _state = kind switch { FirstObject.DataArray => State.ArrayFirst, FirstObject.DataGroups => State.GroupFirst, _ => State.EnvelopeObject };
                    continue;
                case State.GroupFirst or State.GroupAfterValue when c == '}':
                    Advance(1);
                    _state = State.EnvelopeRest;
                    continue;
                case State.GroupAfterValue when c == ',':
                    Advance(1);
                    _state = State.GroupNext;
                    continue;
                case State.GroupFirst or State.GroupNext when c == '"':
                    // "<interaction id>": [ legs ]
                    var key = GroupKeyLength(_buffer.AsSpan(_start, _end - _start));
                    if (key < 0) throw At($"expected a group of legs (\"<interaction>\": [ … ]) in the response's data, found {Found()}");
                    if (key == 0)
                    {
                        if (_endOfFile) throw At("the file ends inside the crossbar response (truncated?)");
                        Refill();
                        continue;
                    }
                    Advance(key);
                    _inGroups = true;
                    _depth = 1;
                    _state = State.ArrayFirst;
                    continue;
                case State.ArrayFirst or State.ArrayNext when c == '[' && _depth == 1 && !_inGroups:
                    Advance(1); // a group of legs (a grouped response)
                    _depth = 2;
                    _state = State.ArrayFirst;
                    continue;
                case State.ArrayFirst when c == ']':
                case State.ArrayAfterValue when c == ']':
                    Advance(1);
                    _state = --_depth > 0 ? State.ArrayAfterValue : _inGroups ? State.GroupAfterValue : _inEnvelope ? State.EnvelopeRest : State.Trailing;
                    continue;
                case State.ArrayAfterValue when c == ',':
                    Advance(1);
                    _state = State.ArrayNext;
                    continue;
                case State.ArrayFirst or State.ArrayNext or State.Lines or State.EnvelopeObject when c == '{':
                    length = ObjectLength(_buffer.AsSpan(_start, _end - _start), 0);
                    if (length > 0)
                    {
                        if (_state == State.EnvelopeObject) _state = State.EnvelopeRest;
                        else if (_state != State.Lines) _state = State.ArrayAfterValue;
                        return true;
                    }
                    if (_endOfFile) throw At("the file ends inside a record (truncated?)");
                    Refill();
                    continue;
                case State.EnvelopeRest:
                    // The response's members after data (page_size, next_start_key, status…) up to its closing brace.
                    var rest = ObjectLength(_buffer.AsSpan(_start, _end - _start), 1);
                    if (rest > 0)
                    {
                        Advance(rest);
                        _state = State.Trailing;
                        continue;
                    }
                    if (_endOfFile) throw At("the file ends inside the crossbar response (truncated?)");
                    Refill();
                    continue;
                default:
                    throw At(_state switch
                    {
                        State.ArrayAfterValue => $"expected ',' or ']' after a record, found {Found()}",
                        State.GroupFirst or State.GroupNext or State.GroupAfterValue => $"expected a group of legs (\"<interaction>\": [ … ]) or '}}' in the response's data, found {Found()}",
                        State.Trailing => $"expected nothing after the {(_inEnvelope ? "response's closing '}'" : "array's closing ']'")}, found {Found()}",
                        State.Lines => $"expected a CDR object ('{{'), one per line, found {Found()}",
                        _ => $"expected a CDR object ('{{'), found {Found()}",
                    });
            }
        }
    }

    /// <summary>
    /// Whether the first object (at the start of <paramref name="text"/>) is a CDR (it has a CDR field) or a crossbar
    /// response whose <c>data</c> holds the CDRs (<paramref name="dataAt"/>: the offset just inside its array, or of its
    /// object); <see cref="FirstObject.NeedMore"/> when its keys up to there are not all buffered. A response with
    /// neither is an error naming what it has (an error response's <c>message</c>, the keys).
    /// </summary>
    private FirstObject Classify(ReadOnlySpan<byte> text, bool final, out int dataAt)
    {
        dataAt = 0;
        var reader = new Utf8JsonReader(text, isFinalBlock: final, state: default);
        var keys = new List<string>();
        string? message = null, data = null;
        try
        {
            reader.Read();
            while (true)
            {
                if (!reader.Read()) return Incomplete(final);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                var key = reader.GetString() ?? "";
                var field = CallFields.OfKey(System.Text.Encoding.UTF8.GetBytes(key));
                if (field is not CallField.None and not CallField.CustomChannelVars) return FirstObject.Cdr;
                if (keys.Count < 12) keys.Add(key);
                if (!reader.Read()) return Incomplete(final);
                if (key == "data" && reader.TokenType == JsonTokenType.StartArray)
                {
                    dataAt = (int)reader.TokenStartIndex + 1;
                    return FirstObject.DataArray;
                }
                if (key == "data" && reader.TokenType == JsonTokenType.StartObject)
                {
                    // One CDR (GET /cdrs/{id}), or an error's details (data: {message: …}).
                    dataAt = (int)reader.TokenStartIndex;
                    var inner = new List<string>();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var innerKey = reader.GetString() ?? "";
                        if (inner.Count == 0)
                        {
                            if (!reader.Read()) return Incomplete(final);
                            if (reader.TokenType == JsonTokenType.StartArray)
                            {
                                dataAt++; // inside the object: data is {"<interaction>": [legs], …}
                                return FirstObject.DataGroups;
                            }
                            if (CallFields.OfKey(System.Text.Encoding.UTF8.GetBytes(innerKey)) is not CallField.None and not CallField.CustomChannelVars)
                                return FirstObject.DataObject;
                            inner.Add(innerKey);
                            if (innerKey == "message" && reader.TokenType == JsonTokenType.String) message ??= reader.GetString();
                            if (!reader.TrySkip()) return Incomplete(final);
                            continue;
                        }
                        if (CallFields.OfKey(System.Text.Encoding.UTF8.GetBytes(innerKey)) is not CallField.None and not CallField.CustomChannelVars)
                            return FirstObject.DataObject;
                        if (inner.Count < 6) inner.Add(innerKey);
                        if (!reader.Read()) return Incomplete(final);
                        if (innerKey == "message" && reader.TokenType == JsonTokenType.String) message ??= reader.GetString();
                        if (!reader.TrySkip()) return Incomplete(final);
                    }
                    if (reader.TokenType != JsonTokenType.EndObject) return Incomplete(final);
                    data = $"an object with {(inner.Count == 0 ? "no keys" : "the keys " + string.Join(", ", inner))}";
                    continue;
                }
                if (key == "data") data = reader.TokenType.ToString().ToLowerInvariant();
                if (key == "message" && reader.TokenType == JsonTokenType.String) message = reader.GetString();
                if (!reader.TrySkip()) return Incomplete(final);
            }
        }
        catch (JsonException exception)
        {
            throw new InputFormatException($"the file is not valid JSON ({exception.Message})", Path, _line + (exception.LineNumber ?? 0), inner: exception);
        }
        catch (InvalidOperationException)
        {
            throw At("a key of the first object is not valid text");
        }
        if (keys.Contains("activities_data"))
            throw At("the file is a ticket-activity export, not call records; import it with Import-TicketActivity");
        throw At($"the first object is neither a CDR (no call_id or other CDR field) nor a crossbar response with a data array of CDRs; " +
                 $"found the keys {string.Join(", ", keys)}{(data is null ? "" : $" (data is {data})")}{(message is null ? "" : $"; its message: '{message}'")}");
    }

    /// <summary>
    /// Bytes of a group's <c>"key": [</c> at the start of <paramref name="text"/> (up to and including the bracket); 0
    /// when it is not all buffered, -1 when the text is not that.
    /// </summary>
    private static int GroupKeyLength(ReadOnlySpan<byte> text)
    {
        var i = 1;
        while (true)
        {
            var end = text[i..].IndexOfAny("\"\\"u8);
            if (end < 0) return 0;
            i += end;
            if (text[i] == '"') break;
            i += 2;
            if (i >= text.Length) return 0;
        }
        i++;
        var colon = text[i..].IndexOfAnyExcept(" \t\r\n"u8);
        if (colon < 0) return 0;
        i += colon;
        if (text[i] != ':') return -1;
        i++;
        var bracket = text[i..].IndexOfAnyExcept(" \t\r\n"u8);
        if (bracket < 0) return 0;
        i += bracket;
        return text[i] == '[' ? i + 1 : -1;
    }

    private FirstObject Incomplete(bool final) => final ? throw At("the file ends inside its first object (truncated?)") : FirstObject.NeedMore;

    /// <summary>The end of the file: fine unless an array (or a crossbar response) is still open.</summary>
    private bool End()
    {
        if (_state is State.ArrayFirst or State.ArrayAfterValue or State.ArrayNext) throw At("the file ends before the array's closing ']' (truncated?)");
        if (_state is State.EnvelopeObject or State.EnvelopeRest or State.GroupFirst or State.GroupNext or State.GroupAfterValue)
            throw At("the file ends inside the crossbar response (truncated?)");
        _state = State.Done;
        return false;
    }

    /// <summary>
    /// Bytes up to and including the brace closing the object <paramref name="text"/> starts with (or, with
    /// <paramref name="depth"/> 1, the object it is inside); 0 when it is not all buffered.
    /// </summary>
    private static int ObjectLength(ReadOnlySpan<byte> text, int depth)
    {
        var i = 0;
        while (true)
        {
            var next = text[i..].IndexOfAny("{}\""u8);
            if (next < 0) return 0;
            i += next;
            switch (text[i])
            {
                case (byte)'"':
                    i++;
                    while (true)
                    {
                        var end = text[i..].IndexOfAny("\"\\"u8);
                        if (end < 0) return 0;
                        i += end;
                        if (text[i] == '"') break;
                        i += 2; // an escape and the character it escapes
                        if (i >= text.Length) return 0;
                    }
                    i++;
                    break;
                case (byte)'{':
                    depth++;
                    i++;
                    break;
                default:
                    i++;
                    if (--depth == 0) return i;
                    break;
            }
        }
    }

    /// <summary>Reads one whole CDR object into <paramref name="chunk"/>.</summary>
    private void Parse(ReadOnlySpan<byte> json, CallChunk chunk)
    {
        try
        {
            _parser.Parse(json, chunk);
        }
        catch (JsonException exception)
        {
            throw new InputFormatException($"the record is not valid JSON ({exception.Message})", Path, _line + (exception.LineNumber ?? 0),
                record: Records, inner: exception);
        }
        catch (CallFieldException exception)
        {
            var line = _line + json[..(int)Math.Min(_parser.TokenStart, json.Length)].Count((byte)'\n');
            throw BadField(exception, line, _parser.Field);
        }
    }

    private void Advance(int count)
    {
        _line += _buffer.AsSpan(_start, count).Count((byte)'\n');
        _start += count;
    }

    /// <summary>Keeps the unread bytes, reads more behind them (growing the buffer when one record fills it).</summary>
    private void Refill()
    {
        var read = StreamWindow.Refill(Stream, ref _buffer, ref _start, ref _end);
        if (read == 0) _endOfFile = true;
        else if (Stream.Position == read && _buffer.AsSpan(0, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _end = read - 3; // a UTF-8 byte order mark
            Buffer.BlockCopy(_buffer, 3, _buffer, 0, _end);
        }
    }

    private string Found() => CallRowBuilder.Shown(_buffer.AsSpan(_start, Math.Min(_end - _start, 20)));

    private InputFormatException At(string reason) => new(reason, Path, _line, record: Records > 0 ? Records : null);
}
