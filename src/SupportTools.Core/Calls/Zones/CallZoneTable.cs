namespace SupportTools.Calls;

/// <summary>
/// An imported zone table's prefixes: a number's zone is the one whose prefix is the longest that the number's
/// international digits (see <see cref="CallNumber"/>) start with.
/// </summary>
internal sealed class CallZoneTable
{
    private readonly Dictionary<long, long> _zones = [];
    private int _longest;

    /// <summary>Prefixes held.</summary>
    public int Count => _zones.Count;

    /// <summary>
    /// Adds <paramref name="prefix"/> (international digits, at most 17) for <paramref name="zoneId"/>; false when the
    /// prefix is already there (its zone is kept).
    /// </summary>
    public bool Add(ReadOnlySpan<byte> prefix, long zoneId)
    {
        if (!_zones.TryAdd(CallNumber.Key(prefix, prefix.Length), zoneId)) return false;
        _longest = Math.Max(_longest, prefix.Length);
        return true;
    }

    /// <summary>The zone of the longest prefix of <paramref name="digits"/>, or null when none matches.</summary>
    public long? ZoneOf(ReadOnlySpan<byte> digits)
    {
        for (var length = Math.Min(_longest, Math.Min(digits.Length, 17)); length > 0; length--)
            if (_zones.TryGetValue(CallNumber.Key(digits, length), out var zone)) return zone;
        return null;
    }
}
