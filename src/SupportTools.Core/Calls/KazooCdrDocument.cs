using System.Text;
using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// One Kazoo CDR as JSON (a raw CDR document, a crossbar <c>/cdrs</c> listing row, or an <c>/cdrs/interaction</c> row)
/// turned into a <see cref="CallRecord"/> under the module's one rule for names and times, for the cmdlets that receive
/// CDRs one object at a time (<c>Get-KazooCdr</c>). It goes through the same <see cref="CallJsonRecordParser"/> and
/// <see cref="CallRowBuilder"/> as a file's records: the same names (<c>direction</c> or <c>call_direction</c>…), the
/// same start time (<see cref="CallStart"/>), the same link to its call (<see cref="CallLink"/>), the same checks.
/// </summary>
internal static class KazooCdrDocument
{
    [ThreadStatic] private static Converter? _converter;

    /// <summary>
    /// The record <paramref name="cdr"/> describes; a <see cref="CallFieldException"/> naming the field (its
    /// <see cref="CallFieldException.Field"/>, and the message) when it cannot be read. Zone ids are left null: the
    /// importing store derives them. <c>Unanswered</c> is derived when the CDR does not say.
    /// </summary>
    public static CallRecord ToCallRecord(JsonElement cdr)
    {
        if (cdr.ValueKind != JsonValueKind.Object)
            throw new CallFieldException($"expected a CDR object, found {cdr.ValueKind.ToString().ToLowerInvariant()}");
        return (_converter ??= new Converter()).Convert(cdr);
    }

    /// <summary>One thread's parser and one-call chunk, reused from record to record.</summary>
    private sealed class Converter
    {
        private readonly CallChunk _chunk = new(1, 1024);
        private readonly CallJsonRecordParser _parser = new(new CallRowBuilder(null, System.Globalization.CultureInfo.InvariantCulture));

        public CallRecord Convert(JsonElement cdr)
        {
            _chunk.Clear();
            // The element's own text, escapes as received: a lone surrogate (\ud83d) is then the parser's located error.
            var json = Encoding.UTF8.GetBytes(cdr.GetRawText());
            try
            {
                _parser.Parse(json, _chunk);
            }
            catch (CallFieldException exception)
            {
                var field = exception.Field != CallField.None ? exception.Field : _parser.Field;
                throw field == CallField.None ? exception : new CallFieldException($"{CallFields.NameOf(field)}: {exception.Message}", field);
            }
            catch (JsonException exception)
            {
                throw new CallFieldException($"the CDR is not valid JSON ({exception.Message})");
            }
            return ToRecord(_chunk.Rows[0], _chunk.Text);
        }

        private static CallRecord ToRecord(in CallRow row, ReadOnlySpan<byte> text) =>
            new(Decode(row.CallId, text)!, DateTimeOffset.FromUnixTimeSeconds(row.CallTime), row.Direction, row.DurationSeconds,
                row.BillingSeconds, row.RingingSeconds, Decode(row.CallerIdNumber, text), Decode(row.CallerIdName, text),
                Decode(row.CalleeIdNumber, text), row.HangupCause, row.Unanswered, row.CallerZoneId, row.CalleeZoneId,
                Decode(row.InteractionId, text));

        private static string? Decode(TextSlice slice, ReadOnlySpan<byte> text) => slice.IsNull ? null : Encoding.UTF8.GetString(slice.In(text));
    }
}
