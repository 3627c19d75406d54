using System.Globalization;
using SupportTools.Calls;

namespace SupportTools.Tests.Calls;

/// <summary>A store holding the given calls, for the query tests.</summary>
internal sealed class CallTestStore : IDisposable
{
    private readonly TestFiles _files = new();

    public CallTestStore(params CallRecord[] calls)
    {
        Path = _files.PathOf("calls.db");
        Add(calls);
    }

    public string Path { get; }

    /// <summary>A call at <paramref name="time"/> (ISO 8601 with an offset) lasting <paramref name="duration"/> seconds; numbers and zones optional.</summary>
    public static CallRecord Call(string id, string time, long duration, bool unanswered = false, string? direction = "inbound",
        long billing = 0, long ringing = 5, string? caller = null, string? name = null, string? callee = null, string? cause = null,
        long? callerZone = null, long? calleeZone = null) =>
        new(id, DateTimeOffset.Parse(time, CultureInfo.InvariantCulture), direction, duration, billing, ringing, caller, name, callee, cause,
            unanswered, callerZone, calleeZone);

    public void Add(params CallRecord[] calls)
    {
        using var store = CallStore.Open(Path);
        using var batch = store.BeginImport("test");
        foreach (var call in calls) batch.Add(call);
        batch.Commit();
    }

    public CallStore Open() => CallStore.OpenReadOnly(Path);

    /// <summary>The ids of the records <paramref name="filter"/> lets through, in time order.</summary>
    public List<string> Ids(CallFilter filter, CallTimeZone? zone = null)
    {
        using var store = Open();
        return CallRecords.Read(store, filter, zone ?? filter.Zone).Select(r => r.CallId).ToList();
    }

    public List<CallStatistic> Statistics(CallPeriod period, string? zone = null, string? filter = null, string? groupBy = null, bool includeEmpty = false)
    {
        var timeZone = CallTimeZone.Resolve(zone);
        using var store = Open();
        var query = new CallStatisticQuery(period, timeZone, filter is null ? CallFilter.None : CallFilter.Parse(filter, timeZone), groupBy, includeEmpty);
        return CallStatistics.Compute(store, query).ToList();
    }

    public void Dispose() => _files.Dispose();
}
