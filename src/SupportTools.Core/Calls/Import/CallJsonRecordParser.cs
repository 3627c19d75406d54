using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// Reads one whole CDR JSON object into a <see cref="CallChunk"/> through a <see cref="CallRowBuilder"/>: the CDR
/// fields (Kazoo's names and the listing's, see <see cref="CallFields"/>), <c>custom_channel_vars</c>' interaction and
/// bridge ids; every other key (Kazoo writes dozens, nested objects too) is skipped. Shared by the file reader and
/// <see cref="KazooCdrDocument"/>, so a record means the same from a file and from the live pull. A bad value is a
/// <see cref="CallFieldException"/> (with <see cref="Field"/> and <see cref="TokenStart"/> saying where), broken JSON a
/// <see cref="JsonException"/>.
/// </summary>
internal sealed class CallJsonRecordParser(CallRowBuilder builder)
{
    private byte[] _unescaped = new byte[256];

    /// <summary>The field being read when the last <see cref="Parse"/> failed (<see cref="CallField.None"/> between fields).</summary>
    public CallField Field { get; private set; }

    /// <summary>The offset in the object of the token being read when the last <see cref="Parse"/> failed.</summary>
    public long TokenStart { get; private set; }

    /// <summary>Reads the object <paramref name="json"/> (exactly one object) into <paramref name="chunk"/>.</summary>
    public void Parse(ReadOnlySpan<byte> json, CallChunk chunk)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        Field = CallField.None;
        TokenStart = 0;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a CDR object ('{')", null, 0, 0);
            builder.Begin(chunk);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                Field = CallFields.OfKey(Value(ref reader));
                reader.Read();
                if (Field == CallField.CustomChannelVars && reader.TokenType == JsonTokenType.StartObject) ChannelVariables(ref reader);
                else if (Field == CallField.None || Field == CallField.CustomChannelVars) reader.Skip();
                else Set(ref reader, Field);
                Field = CallField.None;
            }
            builder.End();
        }
        catch (CallFieldException)
        {
            TokenStart = reader.TokenStartIndex;
            throw;
        }
    }

    /// <summary>Reads <c>custom_channel_vars</c>' interaction and bridge ids, skipping the rest of it.</summary>
    private void ChannelVariables(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = CallFields.OfChannelVariable(Value(ref reader));
            reader.Read();
            if (field == CallField.None) reader.Skip();
            else
            {
                Field = field;
                Set(ref reader, field);
                Field = CallField.CustomChannelVars;
            }
        }
    }

    private void Set(ref Utf8JsonReader reader, CallField field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                builder.Set(field, Value(ref reader), isString: true);
                break;
            case JsonTokenType.Number:
                builder.Set(field, reader.ValueSpan, isString: false);
                break;
            case JsonTokenType.True:
                builder.Set(field, "true"u8, isString: false);
                break;
            case JsonTokenType.False:
                builder.Set(field, "false"u8, isString: false);
                break;
            case JsonTokenType.Null:
                builder.Set(field, [], isString: false); // still says which kind of record it is (a listing column)
                break;
            default:
                throw new CallFieldException($"expected a string or a number, found {(reader.TokenType == JsonTokenType.StartArray ? "a list" : "an object")}");
        }
    }

    /// <summary>
    /// The current string token's UTF-8 without its escapes. An escape that is not Unicode (a lone surrogate such as
    /// <c>\ud83d</c>) and bytes that are not UTF-8 are a <see cref="CallFieldException"/>, not a crash of the import.
    /// </summary>
    private ReadOnlySpan<byte> Value(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return reader.ValueSpan; // the builder checks the UTF-8 of the text it keeps
        if (_unescaped.Length < reader.ValueSpan.Length) _unescaped = new byte[reader.ValueSpan.Length * 2];
        try
        {
            return _unescaped.AsSpan(0, reader.CopyString(_unescaped));
        }
        catch (InvalidOperationException)
        {
            throw new CallFieldException("the text holds an escape that is not Unicode (a lone surrogate such as \\ud83d) or bytes that are not UTF-8");
        }
    }
}
