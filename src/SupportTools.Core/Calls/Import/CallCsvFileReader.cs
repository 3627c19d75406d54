using System.Runtime.CompilerServices;
using System.Text;

namespace SupportTools.Calls;

/// <summary>
/// CDRs as CSV (RFC 4180, comma-separated, UTF-8): a header row of CDR field names (see
/// <see cref="CallFields.OfHeader"/>: <c>call_id</c> or <c>CallId</c>), then one call per row; other columns are
/// ignored. An empty cell is a missing value. Values go from the file's bytes to the row builder without becoming
/// strings (see <see cref="Utf8CsvReader"/>). A file with a UTF-16 or UTF-32 byte order mark is converted to UTF-8 as it
/// is read; a value of a column read that is not UTF-8 is an error (two call ids differing only in such bytes would
/// otherwise read as one). A header with Kazoo's listing columns (its <c>Accept: text/csv</c> export: <c>direction</c>,
/// <c>unix_timestamp</c>, <c>datetime</c>…) makes every row a listing row (see <see cref="CallStart"/>). Lines are where a row starts.
/// </summary>
internal sealed class CallCsvFileReader : CallRecordFileReader
{
    private readonly Stream _utf8Stream;
    private readonly Utf8CsvReader _csv;
    private readonly CallField[] _columns;
    private readonly bool _isListing;

    /// <inheritdoc cref="CallRecordFileReader(string, Stream, CallZoneResolver)"/>
    public CallCsvFileReader(string path, Stream stream, CallZoneResolver zones) : base(path, stream, zones)
    {
        _utf8Stream = Utf8(stream);
        _csv = new Utf8CsvReader(_utf8Stream, path);
        Builder.ValuesChecked = true; // Fill checks every value read
        if (!_csv.Read()) throw new InputFormatException("the file holds no header row; expected CSV with CDR field names (call_id, call_time, …)", path, 1);
        _columns = new CallField[_csv.Count];
        var headers = new string[_csv.Count];
        for (var i = 0; i < _columns.Length; i++)
        {
            headers[i] = Encoding.UTF8.GetString(_csv[i]);
            _columns[i] = CallFields.OfHeader(headers[i]);
            if (_columns[i] is not (CallField.None or CallField.ListingMarker) && Array.IndexOf(_columns, _columns[i], 0, i) >= 0)
                throw new InputFormatException($"the header names {CallFields.NameOf(_columns[i])} twice", path, _csv.Line, field: headers[i]);
        }
        if (headers.Any(h => CallFields.HeaderIs(h, "prefix")) && headers.Any(h => CallFields.HeaderIs(h, "zone_id")))
            throw new InputFormatException("the file is a zone table (zone_id, country, region, prefix), not call records; import it with Import-CallZone", path, _csv.Line);
        // Export-Csv writes CallTime in its culture's words (maybe day and month swappable) and CallTimeIso unambiguously: read the latter.
        var callTime = Array.IndexOf(_columns, CallField.CallTime);
        if (callTime >= 0 && _columns.Contains(CallField.CallTimeIso)) _columns[callTime] = CallField.None;
        _isListing = _columns.Any(c => c is CallField.Direction or CallField.UnixTimestamp or CallField.Datetime or CallField.DialedNumber
            or CallField.CallingFrom or CallField.ListingMarker);
        if (!_columns.Contains(CallField.CallId) || !_columns.Any(c => c is CallField.CallTime or CallField.CallTimeIso or CallField.Timestamp or CallField.UnixTimestamp or CallField.Datetime))
            throw new InputFormatException(
                $"the header must name call_id and call_time (or timestamp, unix_timestamp), found {string.Join(",", headers.Take(8))}{(headers.Length > 8 ? ",…" : "")}; " +
                "expected call records: Kazoo CDR JSON, or CSV with the CDR field names", path, _csv.Line);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Fill(CallChunk chunk)
    {
        var columns = _columns;
        while (!chunk.IsFull && _csv.Read())
        {
            Records++;
            if (_csv.Count != columns.Length)
                throw new InputFormatException($"the row has {_csv.Count} values, the header names {columns.Length} columns", Path, _csv.Line, record: Records);
            var field = CallField.None;
            try
            {
                Builder.Begin(chunk, _isListing);
                for (var i = 0; i < columns.Length; i++)
                {
                    field = columns[i];
                    if (field == CallField.None) continue;
                    var value = _csv[i];
                    if (value.IsEmpty) continue;
                    if (!System.Text.Unicode.Utf8.IsValid(value)) throw new CallFieldException("the value is not valid UTF-8 (save the file as UTF-8)");
                    Builder.Set(field, value, isString: true);
                }
                field = CallField.None;
                Builder.End();
            }
            catch (CallFieldException exception)
            {
                throw BadField(exception, _csv.Line, field);
            }
        }
        return chunk.Count > 0;
    }

    /// <summary>
    /// <paramref name="stream"/> as UTF-8 after its byte order mark: a UTF-8 one is skipped, a UTF-16/32 one converted
    /// (as the text reader that read these files before did).
    /// </summary>
    private static Stream Utf8(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        head = head[..read];
        stream.Position = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            stream.Position = 3;
            return stream;
        }
        foreach (var encoding in new Encoding[] { new UTF32Encoding(false, true), new UTF32Encoding(true, true), Encoding.Unicode, Encoding.BigEndianUnicode })
        {
            var preamble = encoding.Preamble;
            if (!head.StartsWith(preamble)) continue;
            stream.Position = preamble.Length;
            return Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8, leaveOpen: true);
        }
        return stream;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        if (!ReferenceEquals(_utf8Stream, Stream)) _utf8Stream.Dispose();
        base.Dispose();
    }
}
