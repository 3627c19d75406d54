using System.Runtime.CompilerServices;
using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// The zone of each number an import meets: by the store's zone table when one was imported (longest prefix; a number
/// no prefix matches has no zone), else by the geocoder (see <see cref="CallGeocoder"/>), whose zones it collects for
/// the batch to record. Answers are cached by number (bounded), since a call centre's numbers repeat. Not thread-safe:
/// one import, one thread at a time.
/// </summary>
internal sealed class CallZoneResolver
{
    // Bounded, so memory stays flat however many distinct numbers come: 65,536 numbers are a busy centre's regulars (the
    // geocoder's answers for the rest come by prefix, see CallGeocodePrefix), a few MB.
    private const int CacheLimit = 1 << 16;
    private readonly CallZoneTable? _table;
    private readonly HashSet<long> _stored = [];
    private readonly Dictionary<long, long?> _cache = [];
    private readonly Dictionary<long, CallZone> _geocoded = [];
    private readonly byte[] _digits = new byte[CallNumber.MaxDigits];

    /// <summary>A resolver by <paramref name="table"/>, or by the geocoder when it is null.</summary>
    public CallZoneResolver(CallZoneTable? table) => _table = table;

    /// <summary>The resolver for the store's current zones: its zone table, or the geocoder when it has none.</summary>
    public static CallZoneResolver For(StoreConnection db)
    {
        using var prefixes = db.Prepare("SELECT prefix, zone_id FROM call_zone_prefixes");
        var table = new CallZoneTable();
        while (prefixes.Read()) table.Add(prefixes.GetUtf8(0), prefixes.GetInt64(1));
        var resolver = new CallZoneResolver(table.Count > 0 ? table : null);
        using var zones = db.Prepare("SELECT zone_id FROM call_zones");
        while (zones.Read()) resolver._stored.Add(zones.GetInt64(0));
        return resolver;
    }

    /// <summary>
    /// Learns the zone a record gave for <paramref name="number"/> when the store cannot name it yet: a
    /// <c>Get-CallRecord | Export-Csv</c> copy imported into another store carries the geocoder's zone ids, and the
    /// geocoder gives the number the same id again, with its country and region, which the import then records. A
    /// record's own id is kept either way (ids from elsewhere are the record's to give).
    /// </summary>
    public void Recognise(long zoneId, ReadOnlySpan<byte> number)
    {
        if (_table is null && !_stored.Contains(zoneId) && !_geocoded.ContainsKey(zoneId)) ZoneOf(number);
    }

    /// <summary>True when zones come from an imported table.</summary>
    public bool HasTable => _table is not null;

    /// <summary>The geocoder's zones met so far, by id.</summary>
    public IReadOnlyDictionary<long, CallZone> Geocoded => _geocoded;

    /// <summary>The zone of <paramref name="number"/> (UTF-8, as written in the CDR), or null when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long? ZoneOf(ReadOnlySpan<byte> number)
    {
        var length = CallNumber.Normalize(number, _digits);
        if (length < 0) return null;
        var digits = _digits.AsSpan(0, length);
        var key = CallNumber.Key(digits, length);
        if (key >= 0 && _cache.TryGetValue(key, out var cached)) return cached;
        long? zone;
        if (_table is not null) zone = _table.ZoneOf(digits);
        else if (CallGeocoder.ZoneOf(digits) is { } geocoded)
        {
            _geocoded.TryAdd(geocoded.Id, geocoded);
            zone = geocoded.Id;
        }
        else zone = null;
        if (key < 0) return zone;
        if (_cache.Count == CacheLimit) _cache.Clear();
        _cache[key] = zone;
        return zone;
    }

}
