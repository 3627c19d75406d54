using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// Turns one record given as an object (a Kazoo CDR as JSON, or named values such as an <c>Import-Csv</c> row) into a
/// <see cref="CallRecord"/> through the file readers' own <see cref="CallRowBuilder"/> (and, for JSON, their
/// <see cref="CallJsonRecordParser"/>): the same names, the same start-time rule, the same links and checks, whether a
/// call comes from a file, a live pull or the pipeline. One per thread (see <see cref="ForThisThread"/>), reused.
/// Zone ids are left as given (null when not): the importing store derives them.
/// </summary>
internal sealed class CallRecordConverter
{
    [ThreadStatic] private static CallRecordConverter? _current;

    private readonly CallChunk _chunk = new(1, 1024);
    private readonly CallRowBuilder _builder = new(null);
    private readonly CallJsonRecordParser _parser;

    private CallRecordConverter() => _parser = new CallJsonRecordParser(_builder);

    /// <summary>This thread's converter.</summary>
    public static CallRecordConverter ForThisThread => _current ??= new CallRecordConverter();

    /// <summary>The record a CDR JSON object describes; a <see cref="CallFieldException"/> naming the field when it cannot be read.</summary>
    public CallRecord FromJson(JsonElement cdr)
    {
        if (cdr.ValueKind != JsonValueKind.Object)
            throw new CallFieldException($"expected a CDR object, found {cdr.ValueKind.ToString().ToLowerInvariant()}");
        _chunk.Clear();
        // The element's own text, escapes as received: a lone surrogate (\ud83d) is then the parser's located error.
        var json = Encoding.UTF8.GetBytes(cdr.GetRawText());
        try
        {
            _parser.Parse(json, _chunk);
        }
        catch (CallFieldException exception)
        {
            throw Named(exception, _parser.Field);
        }
        catch (JsonException exception)
        {
            throw new CallFieldException($"the CDR is not valid JSON ({exception.Message})");
        }
        return Record();
    }

    /// <summary>
    /// The record named values describe (names as CSV headers: <c>call_id</c> or <c>CallId</c>…; values strings, numbers,
    /// booleans or times); a <see cref="CallFieldException"/> naming the field when one cannot be read. A name that is
    /// no CDR field is ignored; <c>CallTime</c> is ignored when <c>CallTimeIso</c> is there (as a CSV file's columns).
    /// </summary>
    public CallRecord FromFields(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var named = fields.Select(f => (Field: CallFields.OfHeader(f.Key), f.Value)).Where(f => f.Field != CallField.None).ToList();
        var hasIso = named.Any(f => f.Field == CallField.CallTimeIso && f.Value is not null);
        _chunk.Clear();
        _builder.Begin(_chunk, named.Any(f => f.Field is CallField.Direction or CallField.UnixTimestamp or CallField.Datetime
            or CallField.DialedNumber or CallField.CallingFrom or CallField.ListingMarker));
        var field = CallField.None;
        try
        {
            foreach (var (name, value) in named)
            {
                field = name;
                if (value is null || (hasIso && name == CallField.CallTime)) continue;
                _builder.Set(name, Utf8(Text(value)), isString: value is string or DateTimeOffset or DateTime);
            }
            field = CallField.None;
            _builder.End();
        }
        catch (CallFieldException exception)
        {
            throw exception.Field == CallField.None && field != CallField.None ? new CallFieldException(exception.Message, field) : exception;
        }
        return Record();
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary><paramref name="text"/> as UTF-8; a lone surrogate (which UTF-8 cannot hold) is an error, not a '?'.</summary>
    private static byte[] Utf8(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            throw new CallFieldException("the text holds a lone surrogate (half of a character), which is not Unicode");
        }
    }

    /// <summary>A value as the text a file would hold (times in ISO 8601: a DateTime must say its kind to have an offset).</summary>
    private static string Text(object value) => value switch
    {
        string text => text,
        DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Unspecified } time => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime time => new DateTimeOffset(time).ToString("o", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static CallFieldException Named(CallFieldException exception, CallField current)
    {
        var field = exception.Field != CallField.None ? exception.Field : current;
        return field == CallField.None ? exception : new CallFieldException($"{CallFields.NameOf(field)}: {exception.Message}", field);
    }

    private CallRecord Record()
    {
        ref var row = ref _chunk.Rows[0];
        var text = _chunk.Text;
        return new(Decode(row.CallId, text)!, DateTimeOffset.FromUnixTimeSeconds(row.CallTime), row.Direction, row.DurationSeconds,
            row.BillingSeconds, row.RingingSeconds, Decode(row.CallerIdNumber, text), Decode(row.CallerIdName, text),
            Decode(row.CalleeIdNumber, text), row.HangupCause, row.Unanswered, row.CallerZoneId, row.CalleeZoneId,
            Decode(row.InteractionId, text));
    }

    private static string? Decode(TextSlice slice, ReadOnlySpan<byte> text) => slice.IsNull ? null : Encoding.UTF8.GetString(slice.In(text));
}
