using System.Text;
using System.Text.Json;

namespace SupportTools.Tickets;

/// <summary>
/// Shared rules for input values: how they appear in error messages (what was found, quoted at most
/// <see cref="MaxQuoted"/> characters so a 10 MB value does not flood the console), which numbers are whole, and the
/// escape check that keeps lone surrogates out of the module.
/// </summary>
internal static class JsonValues
{
    /// <summary>
    /// A JSON number with a whole value in range, however written: <c>9051</c>, <c>9051.0</c> and <c>9.051e3</c> are
    /// one id (a re-export may spell it either way).
    /// </summary>
    public static bool TryGetWhole(ref Utf8JsonReader reader, out long value)
    {
        if (reader.TokenType != JsonTokenType.Number) { value = 0; return false; }
        if (reader.TryGetInt64(out value)) return true;
        if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
        {
            value = (long)number;
            return true;
        }
        return false;
    }

    /// <summary>Longest quoted text in a message; longer values are cut with an ellipsis and their length.</summary>
    public const int MaxQuoted = 100;

    /// <summary>
    /// What the reader's current value is, e.g. <c>a string "abc"</c>, <c>the number 12.5</c>, <c>an object</c>,
    /// <c>a list (JSON array)</c>, <c>null</c>.
    /// </summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String when reader.ValueIsEscaped => LoneSurrogateIndex(reader.ValueSpan) >= 0
            ? "a string with an invalid \\u escape"
            : "a string " + Quote(reader.GetString()!),
        JsonTokenType.String => "a string " + Quote(reader.ValueSpan),
        JsonTokenType.Number => "the number " + Cut(reader.ValueSpan, quoted: false),
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list (JSON array)",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>What a JSON text starting with <paramref name="text"/> holds, judged by its first byte (for the top level).</summary>
    public static string DescribeStart(ReadOnlySpan<byte> text) => text[0] switch
    {
        (byte)'[' => "a list (JSON array)",
        (byte)'"' => "a string",
        (byte)'-' or (>= (byte)'0' and <= (byte)'9') => "a number",
        (byte)'t' or (byte)'f' => "a boolean",
        (byte)'n' => "null",
        _ => "text that is not JSON: " + Snippet(text),
    };

    /// <summary>The start of <paramref name="text"/> up to its first line break, quoted and cut.</summary>
    public static string Snippet(ReadOnlySpan<byte> text)
    {
        var lineEnd = text.IndexOfAny((byte)'\r', (byte)'\n');
        return Cut(lineEnd < 0 ? text : text[..lineEnd], quoted: true);
    }

    /// <summary>A string quoted for a message, cut to <see cref="MaxQuoted"/> characters.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuoted ? $"\"{value}\"" : $"\"{value[..CutAt(value)]}…\" ({value.Length:N0} characters)";

    private static string Quote(ReadOnlySpan<byte> utf8) => Cut(utf8, quoted: true);

    /// <summary>Decodes no more than needed: a prefix of at most four bytes a character, cut on a character boundary.</summary>
    private static string Cut(ReadOnlySpan<byte> utf8, bool quoted)
    {
        var prefix = utf8;
        if (prefix.Length > MaxQuoted * 4)
        {
            var end = MaxQuoted * 4;
            while (end > 0 && (prefix[end] & 0xC0) == 0x80) end--; // back to the start of a character
            prefix = prefix[..end];
        }
        // Control characters (a binary file's NULs) would break logs and CSV: each shows as U+FFFD.
        var text = string.Create(Encoding.UTF8.GetCharCount(prefix), prefix.ToArray(), static (chars, bytes) =>
        {
            Encoding.UTF8.GetChars(bytes, chars);
            foreach (ref var c in chars)
                if (char.IsControl(c)) c = '\uFFFD';
        });
        var length = prefix.Length == utf8.Length ? text.Length : Encoding.UTF8.GetCharCount(utf8);
        if (length <= MaxQuoted) return quoted ? $"\"{text}\"" : text;
        var cut = text[..CutAt(text)];
        return quoted ? $"\"{cut}…\" ({length:N0} characters)" : $"{cut}… ({length:N0} characters)";
    }

    private static int CutAt(string text) => char.IsHighSurrogate(text[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted;

    /// <summary>
    /// Index in a raw (still escaped) JSON string of the first <c>\u</c> escape that is a lone surrogate — a high one
    /// not followed by a low one, or a low one alone — or -1. Such text is not Unicode and cannot be stored as UTF-8.
    /// </summary>
    public static int LoneSurrogateIndex(ReadOnlySpan<byte> raw)
    {
        var i = raw.IndexOf((byte)'\\');
        while (i >= 0 && i + 1 < raw.Length)
        {
            if (raw[i + 1] != 'u' || !Hex(raw, i + 2, out var unit)) { i = Next(raw, i + 2); continue; }
            if (unit is >= 0xDC00 and <= 0xDFFF) return i;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 12 <= raw.Length && raw[i + 6] == '\\' && raw[i + 7] == 'u' && Hex(raw, i + 8, out var low) && low is >= 0xDC00 and <= 0xDFFF)
                {
                    i = Next(raw, i + 12);
                    continue;
                }
                return i;
            }
            i = Next(raw, i + 6);
        }
        return -1;
    }

    private static int Next(ReadOnlySpan<byte> raw, int from)
    {
        if (from >= raw.Length) return -1;
        var next = raw[from..].IndexOf((byte)'\\');
        return next < 0 ? -1 : from + next;
    }

    private static bool Hex(ReadOnlySpan<byte> raw, int start, out int value)
    {
        value = 0;
        if (start + 4 > raw.Length) return false;
        for (var i = start; i < start + 4; i++)
        {
            var digit = HexDigit(raw[i]);
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
