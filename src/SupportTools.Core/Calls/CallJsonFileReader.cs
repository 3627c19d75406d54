using System.Globalization;
using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// Kazoo CDR JSON: an array of CDR objects, or CDR objects one after another (one per line, as exports and log
/// shippers write them; an object may also span lines). Each object is found whole in a refilled buffer (a scan for
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

    private enum State { Start, ArrayFirst, ArrayAfterValue, ArrayNext, Lines, Trailing, Done }

    /// <inheritdoc cref="CallRecordFileReader(string, Stream, CallZoneResolver)"/>
    public CallJsonFileReader(string path, Stream stream, CallZoneResolver zones) : base(path, stream, zones) =>
        _parser = new CallJsonRecordParser(Builder);

    /// <inheritdoc />
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
                    _state = State.ArrayFirst;
                    continue;
                case State.Start when c == '{':
                    _state = State.Lines;
                    continue;
                case State.ArrayFirst when c == ']':
                case State.ArrayAfterValue when c == ']':
                    Advance(1);
                    _state = State.Trailing;
                    continue;
                case State.ArrayAfterValue when c == ',':
                    Advance(1);
                    _state = State.ArrayNext;
                    continue;
                case State.ArrayFirst or State.ArrayNext or State.Lines when c == '{':
                    length = ObjectLength(_buffer.AsSpan(_start, _end - _start));
                    if (length > 0)
                    {
                        if (_state != State.Lines) _state = State.ArrayAfterValue;
                        return true;
                    }
                    if (_endOfFile) throw At("the file ends inside a record (truncated?)");
                    Refill();
                    continue;
                default:
                    throw At(_state switch
                    {
                        State.ArrayAfterValue => $"expected ',' or ']' after a record, found {Found()}",
                        State.Trailing => $"expected nothing after the array's closing ']', found {Found()}",
                        State.Lines => $"expected a CDR object ('{{'), one per line, found {Found()}",
                        _ => $"expected a CDR object ('{{'), found {Found()}",
                    });
            }
        }
    }

    /// <summary>The end of the file: fine unless an array is still open.</summary>
    private bool End()
    {
        if (_state is State.ArrayFirst or State.ArrayAfterValue or State.ArrayNext) throw At("the file ends before the array's closing ']' (truncated?)");
        _state = State.Done;
        return false;
    }

    /// <summary>Bytes up to and including the brace closing the object <paramref name="text"/> starts with; 0 when it is not all buffered.</summary>
    private static int ObjectLength(ReadOnlySpan<byte> text)
    {
        var depth = 0;
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
        catch (CallFieldException exception) when (Records == 1 && json.IndexOf("\"activities_data\""u8) >= 0)
        {
            throw new InputFormatException("the file is a ticket-activity export, not call records; import it with Import-TicketActivity", Path, _line,
                inner: exception);
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
