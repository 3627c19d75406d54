namespace SupportTools.Calls;

/// <summary>What <see cref="CallStatistics.Compute"/> computes: the service's statistics request, as parameters.</summary>
/// <param name="Period">The buckets.</param>
/// <param name="Zone">The zone the buckets and labels are in (the filter's local times must have been read in it too).</param>
/// <param name="Filter">Which calls count.</param>
/// <param name="GroupBy">Null, <c>call_direction</c> or <c>unanswered</c>: rows per group within each period.</param>
/// <param name="IncludeEmpty">
/// Also emit zero rows for the periods without calls, from the first to the last period of the data (or of the
/// filter's top-level call_time bounds, where it has them), for each group that has calls somewhere.
/// </param>
/// <param name="Legs">Count the legs, as Kazoo's service did, instead of the calls they make (see <see cref="CallSource"/>).</param>
public sealed record CallStatisticQuery(CallPeriod Period, CallTimeZone Zone, CallFilter Filter, string? GroupBy = null, bool IncludeEmpty = false,
    bool Legs = false)
{
    /// <summary>The fields statistics can be grouped by (as the service's "groupable" fields).</summary>
    public static IReadOnlyList<string> GroupableFields { get; } = ["call_direction", "unanswered"];
}
