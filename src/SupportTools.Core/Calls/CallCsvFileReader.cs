using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SupportTools.Calls;

/// <summary>
/// CDRs as CSV (RFC 4180, comma-separated, UTF-8): a header row of CDR field names (see
/// <see cref="CallFields.OfHeader"/>: <c>call_id</c> or <c>CallId</c>), then one call per row; other columns are
/// ignored. An empty cell is a missing value. Lines are CsvHelper's raw row numbers.
/// </summary>
internal sealed class CallCsvFileReader : CallRecordFileReader
{
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly CallField[] _columns;
    private byte[] _utf8 = new byte[256];

    /// <inheritdoc cref="CallRecordFileReader(string, Stream, CallZoneResolver, CultureInfo)"/>
    public CallCsvFileReader(string path, Stream stream, CallZoneResolver zones, CultureInfo culture) : base(path, stream, zones, culture)
    {
        _text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        _parser = new CsvParser(_text, new CsvConfiguration(CultureInfo.InvariantCulture) { Mode = CsvMode.RFC4180 }, leaveOpen: true);
        if (!Read()) throw new InputFormatException("the file holds no header row; expected CSV with CDR field names (call_id, call_time, …)", path, 1);
        _columns = new CallField[_parser.Count];
        var headers = new string[_parser.Count];
        for (var i = 0; i < _columns.Length; i++)
        {
            headers[i] = Value(i);
            _columns[i] = CallFields.OfHeader(headers[i]);
            if (_columns[i] != CallField.None && Array.IndexOf(_columns, _columns[i], 0, i) >= 0)
                throw new InputFormatException($"the header names {CallFields.NameOf(_columns[i])} twice", path, 1, field: headers[i]);
        }
        if (headers.Any(h => CallFields.HeaderIs(h, "prefix")) && headers.Any(h => CallFields.HeaderIs(h, "zone_id")))
            throw new InputFormatException("the file is a zone table (zone_id, country, region, prefix), not call records; import it with Import-CallZone", path, 1);
        if (!_columns.Contains(CallField.CallId) || !(_columns.Contains(CallField.CallTime) || _columns.Contains(CallField.Timestamp)))
            throw new InputFormatException(
                $"the header must name call_id and call_time (or timestamp), found {string.Join(",", headers.Take(8))}{(headers.Length > 8 ? ",…" : "")}; " +
                "expected call records: Kazoo CDR JSON, or CSV with the CDR field names", path, 1);
    }

    /// <inheritdoc />
    public override bool Fill(CallChunk chunk)
    {
        while (!chunk.IsFull && Read())
        {
            Records++;
            if (_parser.Count != _columns.Length)
                throw new InputFormatException($"the row has {_parser.Count} values, the header names {_columns.Length} columns", Path, _parser.RawRow, record: Records);
            var field = CallField.None;
            try
            {
                Builder.Begin(chunk);
                for (var i = 0; i < _columns.Length; i++)
                {
                    field = _columns[i];
                    if (field == CallField.None) continue;
                    var value = Value(i);
                    if (value.Length == 0) continue;
                    if (_utf8.Length < Encoding.UTF8.GetMaxByteCount(value.Length)) _utf8 = new byte[Encoding.UTF8.GetMaxByteCount(value.Length) * 2];
                    Builder.Set(field, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8)), isString: true);
                }
                field = CallField.None;
                Builder.End();
            }
            catch (CallFieldException exception)
            {
                throw BadField(exception, _parser.RawRow, field);
            }
        }
        return chunk.Count > 0;
    }

    private bool Read()
    {
        try
        {
            return _parser.Read();
        }
        catch (CsvHelperException exception)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>Value <paramref name="column"/> of the current row (CsvHelper checks a value when it is asked for).</summary>
    private string Value(int column)
    {
        try
        {
            return _parser[column];
        }
        catch (CsvHelperException exception)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>CsvHelper's complaint (when reading a row, or a value of it) as the file's error.</summary>
    private InputFormatException Malformed(CsvHelperException exception) =>
        new("the CSV is malformed (a quote inside an unquoted value, or a quoted value that never ends)", Path, _parser.Row, inner: exception);

    /// <inheritdoc />
    public override void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
        base.Dispose();
    }
}
