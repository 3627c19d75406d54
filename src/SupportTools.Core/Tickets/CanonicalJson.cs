using System.IO.Hashing;
using System.Text.Json;

namespace SupportTools.Tickets;

/// <summary>
/// Hashes the canonical form of one JSON value, fed token by token (by <see cref="ActivityBodyReader"/> while it reads
/// an activity, so the activity is tokenised once). The canonical form is what a re-export may not change: object keys
/// in any order, numbers however written (<c>9051</c>, <c>9051.0</c>, <c>9.051e3</c> are one number; compared exactly
/// as decimals, not through <c>double</c>; zero is zero whatever its sign), strings by their unescaped value,
/// whitespace irrelevant. It is hashed, not materialised: scalars are hashed on their own, a list folds its elements
/// in order, an object adds up its members' hashes (so member order cannot matter), and containers are tagged so
/// <c>[]</c>, <c>{}</c>, <c>""</c> and <c>null</c> all differ. No allocation per value. Not thread-safe.
/// </summary>
internal sealed class CanonicalJson
{
    private const int MaxDepth = 64;
    private const ulong StringSeed = 0x5157_1A3C, KeySeed = 0x4B45_59AB, NumberSeed = 0x4E55_4D42;
    private const ulong ObjectTag = 0x9E37_79B9_7F4A_7C15, ArrayTag = 0xC2B2_AE3D_27D4_EB4F, TrueHash = 0x1656_67B1_9E37_79F9,
        FalseHash = 0x27D4_EB2F_1656_67C5, NullHash = 0x85EB_CA77_C2B2_AE63, ZeroHash = 0x94D0_49BB_1331_11EB;

    private readonly ulong[] _accumulator = new ulong[MaxDepth];
    private readonly ulong[] _memberKey = new ulong[MaxDepth];
    private readonly int[] _count = new int[MaxDepth];
    private readonly bool[] _isObject = new bool[MaxDepth];
    private byte[] _scratch = new byte[256];
    private int _depth = -1;

    /// <summary>The hash of the last complete value fed.</summary>
    public ulong Hash { get; private set; }

    /// <summary>Forgets a value fed partly (after an error), ready for the next.</summary>
    public void Reset() => _depth = -1;

    /// <summary>The hash of the canonical form of a whole JSON text.</summary>
    public ulong Of(ReadOnlySpan<byte> json)
    {
        Reset();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        while (reader.Read()) Add(ref reader);
        return Hash;
    }

    /// <summary>Feeds the reader's current token; every token of the value must come, in order.</summary>
    public void Add(ref Utf8JsonReader reader)
    {
        ulong value;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                if (++_depth == MaxDepth) throw new InputFormatException($"the activity nests deeper than {MaxDepth} levels", field: "activity");
                _isObject[_depth] = reader.TokenType == JsonTokenType.StartObject;
                _accumulator[_depth] = _isObject[_depth] ? ObjectTag : ArrayTag;
                _count[_depth] = 0;
                return;
            case JsonTokenType.PropertyName:
                _memberKey[_depth] = HashString(ref reader, KeySeed);
                return;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                value = Mix(_accumulator[_depth] ^ (ulong)_count[_depth]);
                _depth--;
                break;
            case JsonTokenType.String: value = HashString(ref reader, StringSeed); break;
            case JsonTokenType.Number: value = HashNumber(reader.ValueSpan); break;
            case JsonTokenType.True: value = TrueHash; break;
            case JsonTokenType.False: value = FalseHash; break;
            default: value = NullHash; break;
        }
        if (_depth < 0)
        {
            Hash = value;
            return;
        }
        _count[_depth]++;
        _accumulator[_depth] = _isObject[_depth]
            ? _accumulator[_depth] + Mix(_memberKey[_depth] ^ Mix(value + ObjectTag)) // commutative: member order is free
            : Mix(_accumulator[_depth] + value * ArrayTag);                           // sequential: element order matters
    }

    private ulong HashString(ref Utf8JsonReader reader, ulong seed)
    {
        if (!reader.ValueIsEscaped) return XxHash3.HashToUInt64(reader.ValueSpan, (long)seed);
        if (_scratch.Length < reader.ValueSpan.Length) _scratch = new byte[reader.ValueSpan.Length * 2];
        return XxHash3.HashToUInt64(_scratch.AsSpan(0, reader.CopyString(_scratch)), (long)seed);
    }

    /// <summary>A number as sign, significant decimal digits (no leading or trailing zeros) and a power of ten.</summary>
    private ulong HashNumber(ReadOnlySpan<byte> text)
    {
        var negative = text[0] == '-';
        var rest = negative ? text[1..] : text;
        var end = rest.IndexOfAny((byte)'.', (byte)'e', (byte)'E');
        if (end < 0) return Digits(negative, rest, 0); // an integer: the common case, hashed in place
        var integer = rest[..end];
        var fraction = ReadOnlySpan<byte>.Empty;
        rest = rest[end..];
        if (rest[0] == '.')
        {
            var fractionEnd = rest.IndexOfAny((byte)'e', (byte)'E');
            fraction = fractionEnd < 0 ? rest[1..] : rest[1..fractionEnd];
            rest = fractionEnd < 0 ? [] : rest[fractionEnd..];
        }
        var exponent = rest.Length > 0 ? Exponent(rest[1..]) : 0;
        var length = integer.Length + fraction.Length;
        if (_scratch.Length < length) _scratch = new byte[length * 2];
        integer.CopyTo(_scratch);
        fraction.CopyTo(_scratch.AsSpan(integer.Length));
        return Digits(negative, _scratch.AsSpan(0, length), exponent - fraction.Length);
    }

    private static ulong Digits(bool negative, ReadOnlySpan<byte> digits, long exponent)
    {
        var first = digits.IndexOfAnyExcept((byte)'0');
        if (first < 0) return ZeroHash;
        var last = digits.LastIndexOfAnyExcept((byte)'0');
        exponent += digits.Length - 1 - last;
        var hash = XxHash3.HashToUInt64(digits[first..(last + 1)], (long)NumberSeed);
        return Mix(hash ^ Mix((ulong)exponent + (negative ? ArrayTag : ObjectTag)));
    }

    /// <summary>The exponent's value; absurdly long ones saturate (no real export has them).</summary>
    private static long Exponent(ReadOnlySpan<byte> text)
    {
        var negative = text[0] == '-';
        if (text[0] is (byte)'-' or (byte)'+') text = text[1..];
        long value = 0;
        foreach (var digit in text) value = Math.Min(value * 10 + (digit - '0'), 1L << 40);
        return negative ? -value : value;
    }

    /// <summary>A 64-bit finaliser (SplitMix64): every input bit affects every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}
