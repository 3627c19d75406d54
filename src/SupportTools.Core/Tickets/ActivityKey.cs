using System.IO.Hashing;
using System.Text;

namespace SupportTools.Tickets;

/// <summary>
/// An activity's identity, since exports carry no id: a 64-bit XxHash of ticket, time (with offset), performer type
/// and id, and the compact activity JSON. Equal rows are the same activity. One instance per thread.
/// </summary>
public sealed class ActivityKey
{
    private readonly XxHash64 _hash = new();
    private readonly Dictionary<string, byte[]> _performerTypes = new(ReferenceEqualityComparer.Instance);

    /// <summary>The key of one activity.</summary>
    public long Compute(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, ReadOnlySpan<byte> activityJson)
    {
        Span<byte> numbers = stackalloc byte[32];
        BitConverter.TryWriteBytes(numbers, ticketId);
        BitConverter.TryWriteBytes(numbers[8..], performedAt.ToUnixTimeSeconds());
        BitConverter.TryWriteBytes(numbers[16..], (long)performedAt.Offset.TotalMinutes);
        BitConverter.TryWriteBytes(numbers[24..], performerId ?? long.MinValue);
        if (!_performerTypes.TryGetValue(performerType, out var type))
        {
            type = Encoding.UTF8.GetBytes(performerType);
            if (_performerTypes.Count < 64) _performerTypes[performerType] = type; // "user" and "system", as interned by the reader
        }
        _hash.Reset();
        _hash.Append(numbers);
        _hash.Append(type);
        _hash.Append(activityJson);
        return (long)_hash.GetCurrentHashAsUInt64();
    }
}
