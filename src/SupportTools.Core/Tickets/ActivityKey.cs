using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace SupportTools.Tickets;

/// <summary>
/// An activity's identity, since exports carry no id: a 64-bit hash of the ticket, the instant of
/// <c>performed_at</c> (not its offset: one moment written in two zones is one activity), the performer type and id,
/// and the canonical form of the activity object. Equal keys are the same activity.
/// <para>
/// The canonical form is what a re-export may not change: object keys in any order, numbers however written
/// (<c>9051</c>, <c>9051.0</c>, <c>9.051e3</c> are one number; the comparison is exact, decimal, not through
/// <c>double</c>), strings by their unescaped value, whitespace irrelevant. It is hashed, not materialised: scalars
/// are hashed on their own, a list folds its elements in order, an object adds up its members' hashes (so member
/// order cannot matter), and containers are tagged so <c>[]</c>, <c>{}</c>, <c>""</c> and <c>null</c> all differ.
/// One pass of a <see cref="Utf8JsonReader"/>, no allocation per activity. One instance per thread.
/// </para>
/// </summary>
public sealed class ActivityKey
{
    private const int MaxDepth = 64;
    private const ulong StringSeed = 0x5157_1A3C, KeySeed = 0x4B45_59AB, NumberSeed = 0x4E55_4D42;
    private const ulong ObjectTag = 0x9E37_79B9_7F4A_7C15, ArrayTag = 0xC2B2_AE3D_27D4_EB4F, TrueHash = 0x165667B19E3779F9,
        FalseHash = 0x27D4EB2F165667C5, NullHash = 0x85EBCA77C2B2AE63, ZeroHash = 0x94D049BB133111EB;

    private readonly XxHash64 _hash = new();
    private readonly Dictionary<string, byte[]> _performerTypes = new(ReferenceEqualityComparer.Instance);
    private readonly ulong[] _accumulator = new ulong[MaxDepth + 1];
    private readonly ulong[] _memberKey = new ulong[MaxDepth + 1];
    private readonly int[] _count = new int[MaxDepth + 1];
    private readonly bool[] _isObject = new bool[MaxDepth + 1];
    private byte[] _scratch = new byte[256];

    /// <summary>The key of one activity; <paramref name="activityJson"/> is its JSON (as <see cref="ActivityBodyReader"/> writes it).</summary>
    public long Compute(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, ReadOnlySpan<byte> activityJson)
    {
        Span<byte> numbers = stackalloc byte[32];
        BitConverter.TryWriteBytes(numbers, ticketId);
        BitConverter.TryWriteBytes(numbers[8..], performedAt.ToUnixTimeSeconds());
        BitConverter.TryWriteBytes(numbers[16..], performerId ?? long.MinValue);
        BitConverter.TryWriteBytes(numbers[24..], Canonical(activityJson));
        if (!_performerTypes.TryGetValue(performerType, out var type))
        {
            type = Encoding.UTF8.GetBytes(performerType);
            if (_performerTypes.Count < 64) _performerTypes[performerType] = type; // "user" and "system", as interned by the reader
        }
        _hash.Reset();
        _hash.Append(numbers);
        _hash.Append(type);
        return (long)_hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The hash of the canonical form of one JSON value.</summary>
    internal ulong Canonical(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var depth = -1;
        ulong result = 0;
        while (reader.Read())
        {
            ulong value;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    depth++;
                    _isObject[depth] = reader.TokenType == JsonTokenType.StartObject;
                    _accumulator[depth] = _isObject[depth] ? ObjectTag : ArrayTag;
                    _count[depth] = 0;
                    continue;
                case JsonTokenType.PropertyName:
                    _memberKey[depth] = HashString(ref reader, KeySeed);
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    value = Mix(_accumulator[depth] ^ (ulong)_count[depth]);
                    depth--;
                    break;
                case JsonTokenType.String: value = HashString(ref reader, StringSeed); break;
                case JsonTokenType.Number: value = HashNumber(reader.ValueSpan); break;
                case JsonTokenType.True: value = TrueHash; break;
                case JsonTokenType.False: value = FalseHash; break;
                default: value = NullHash; break;
            }
            if (depth < 0) result = value;
            else
            {
                _count[depth]++;
                _accumulator[depth] = _isObject[depth]
                    ? _accumulator[depth] + Mix(_memberKey[depth] ^ Mix(value + ObjectTag)) // commutative: order-free
                    : Mix(_accumulator[depth] + value * ArrayTag);                           // sequential: order matters
            }
        }
        return result;
    }

    private ulong HashString(ref Utf8JsonReader reader, ulong seed)
    {
        if (!reader.ValueIsEscaped) return XxHash3.HashToUInt64(reader.ValueSpan, (long)seed);
        if (_scratch.Length < reader.ValueSpan.Length) _scratch = new byte[reader.ValueSpan.Length * 2];
        return XxHash3.HashToUInt64(_scratch.AsSpan(0, reader.CopyString(_scratch)), (long)seed);
    }

    /// <summary>
    /// A number as sign, significant decimal digits (no leading or trailing zeros) and a power of ten, so every
    /// spelling of one value hashes alike; zero is zero whatever its sign or exponent.
    /// </summary>
    private ulong HashNumber(ReadOnlySpan<byte> text)
    {
        var negative = text[0] == '-';
        var rest = negative ? text[1..] : text;
        var end = rest.IndexOfAny((byte)'.', (byte)'e', (byte)'E');
        if (end < 0) return Digits(negative, rest, 0); // an integer: the common case, hashed in place
        var integer = rest[..end];
        var fraction = ReadOnlySpan<byte>.Empty;
        long exponent = 0;
        rest = rest[end..];
        if (rest[0] == '.')
        {
            var fractionEnd = rest.IndexOfAny((byte)'e', (byte)'E');
            fraction = fractionEnd < 0 ? rest[1..] : rest[1..fractionEnd];
            rest = fractionEnd < 0 ? [] : rest[fractionEnd..];
        }
        if (rest.Length > 0) exponent = Exponent(rest[1..]);
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
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
