using System.Runtime.CompilerServices;
namespace SupportTools.Calls;

/// <summary>
/// Phone numbers as zones see them: international digits. Spaces and the separators <c>- . ( ) /</c> are dropped; a
/// leading <c>+</c>, or the international prefixes <c>00</c> (most of the world) and <c>011</c> (North America), mark
/// the digits after them as country code and number. A number with neither is taken as E.164 written without its
/// <c>+</c>, as Kazoo writes caller ids (<c>6434181234</c>); there is no default country, so a number in national
/// form (<c>03 418 1234</c>) or an extension (<c>1001</c>) is not a valid international number and has no geocoded
/// zone (a zone table may still list such prefixes). Anything else (letters, <c>*</c>, <c>#</c>, a SIP URI) is not a
/// number.
/// </summary>
internal static class CallNumber
{
    /// <summary>The most digits kept: E.164 allows 15; zone tables and odd inputs get some slack.</summary>
    public const int MaxDigits = 20;

    /// <summary>
    /// Writes the international digits of <paramref name="number"/> (UTF-8, as written) to <paramref name="digits"/>
    /// (at least <see cref="MaxDigits"/> long) and returns how many; -1 when it is not a phone number.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Normalize(ReadOnlySpan<byte> number, Span<byte> digits)
    {
        var count = 0;
        var plus = false;
        foreach (var c in number)
        {
            if (c is (byte)' ' or (byte)'\t' or (byte)'-' or (byte)'.' or (byte)'(' or (byte)')' or (byte)'/') continue;
            if (c == '+' && count == 0 && !plus)
            {
                plus = true;
                continue;
            }
            if (c is < (byte)'0' or > (byte)'9' || count == MaxDigits) return -1;
            digits[count++] = c;
        }
        if (count == 0) return -1;
        if (plus) return count;
        var international = digits[..count].StartsWith("00"u8) ? 2 : digits[..count].StartsWith("011"u8) ? 3 : 0;
        if (international == 0) return count;
        digits[international..count].CopyTo(digits);
        count -= international;
        return count == 0 ? -1 : count;
    }

    /// <summary>The international digits of <paramref name="number"/>, or null when it is not a phone number.</summary>
    public static string? Normalize(string number)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        var utf8 = System.Text.Encoding.UTF8.GetBytes(number);
        var length = Normalize(utf8, digits);
        return length < 0 ? null : System.Text.Encoding.ASCII.GetString(digits[..length]);
    }

    /// <summary>
    /// A 64-bit key for the first <paramref name="length"/> of <paramref name="digits"/> (up to 17), equal only for
    /// equal digit strings (leading zeros count): the value times 32 plus the length. -1 when longer than 17.
    /// </summary>
    public static long Key(ReadOnlySpan<byte> digits, int length)
    {
        if (length > 17) return -1;
        long value = 0;
        for (var i = 0; i < length; i++) value = value * 10 + (digits[i] - '0');
        return value * 32 + length;
    }
}
