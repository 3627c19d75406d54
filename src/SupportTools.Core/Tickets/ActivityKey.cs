using System.IO.Hashing;
using System.Text;

namespace SupportTools.Tickets;

/// <summary>
/// An activity's identity, since exports carry no id: a 64-bit hash of the ticket, the instant of
/// <c>performed_at</c> (not its offset: one moment written in two zones is one activity), the performer type and id,
/// and the canonical form of the activity object (see <see cref="CanonicalJson"/>: key order, number spelling,
/// escapes and whitespace do not count). Equal keys are the same activity. One instance per thread.
/// </summary>
internal sealed class ActivityKey
{
    private readonly XxHash64 _hash = new();
    private readonly Dictionary<string, byte[]> _performerTypes = new(ReferenceEqualityComparer.Instance);
    private readonly CanonicalJson _canonical = new();

    /// <summary>The key of one activity; <paramref name="activityJson"/> is the activity object's JSON.</summary>
    public long Compute(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, ReadOnlySpan<byte> activityJson) =>
        Compute(ticketId, performedAt, performerType, performerId, _canonical.Of(activityJson));

    /// <summary>
    /// The key of one activity whose canonical hash is known (<see cref="ActivityBodyReader.CanonicalHash"/>, computed
    /// while the activity was read): the file import's path, which tokenises each activity once.
    /// </summary>
    internal long Compute(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, ulong canonicalActivity)
    {
        Span<byte> numbers = stackalloc byte[32];
        BitConverter.TryWriteBytes(numbers, ticketId);
        BitConverter.TryWriteBytes(numbers[8..], performedAt.ToUnixTimeSeconds());
        BitConverter.TryWriteBytes(numbers[16..], performerId ?? long.MinValue);
        BitConverter.TryWriteBytes(numbers[24..], canonicalActivity);
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
}
