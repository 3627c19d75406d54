namespace SupportTools.Calls;

/// <summary>
/// The call capability's use cases, one method each, for the cmdlets, the tests and the bench alike (as
/// <c>TicketService</c> is for tickets): imports into a <see cref="CallStore"/> the caller opened (read-only for reads,
/// never created by them), and the reads the Kazoo call_statistics service answers. Queries, readers and SQL stay inside.
/// </summary>
public static class CallService
{
    /// <summary>Imports a CDR file (Kazoo JSON, a saved crossbar response, or CSV) in one transaction; see <see cref="CallStore.ImportFile"/>.</summary>
    public static CallImportSummary ImportFile(CallStore store, string path, IOperationReporter? reporter = null, CancellationToken cancellationToken = default) =>
        store.ImportFile(path, reporter, cancellationToken);

    /// <summary>Starts one transaction for records that arrive one at a time (a pipeline run); commit it, or dispose to roll back.</summary>
    public static CallImportBatch BeginImport(CallStore store, IOperationReporter? reporter = null) => store.BeginImport(null, reporter);

    /// <summary>Replaces the zone table and re-zones the stored calls in one transaction; see <see cref="CallStore.ImportZones"/>.</summary>
    public static CallZoneImportSummary ImportZones(CallStore store, string path, IOperationReporter? reporter = null, CancellationToken cancellationToken = default) =>
        store.ImportZones(path, reporter, cancellationToken);

    /// <summary>The countries of the calls' numbers (of the legs', when <paramref name="legs"/>), sorted.</summary>
    public static IReadOnlyList<string> GetCountries(CallStore store, bool legs = false) => store.GetCountries(legs);

    /// <summary>The regions of <paramref name="countries"/> (any case); names no stored call is in go to <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<CallRegion> GetRegions(CallStore store, IEnumerable<string> countries, ICollection<string> unknown, bool legs = false) =>
        store.GetRegions(countries, unknown, legs);

    /// <summary>The statistics rows for <paramref name="query"/>, in period order, streamed as periods close.</summary>
    public static IEnumerable<CallStatistic> GetStatistics(CallStore store, CallStatisticQuery query, IOperationReporter? reporter = null,
        CancellationToken cancellationToken = default) =>
        CallStatistics.Compute(store, query, reporter, cancellationToken);

    /// <summary>The calls (legs, when <paramref name="legs"/>) <paramref name="filter"/> lets through, in time order, their times in <paramref name="zone"/>.</summary>
    public static IEnumerable<CallRecord> GetRecords(CallStore store, CallFilter filter, CallTimeZone zone, bool legs = false, IOperationReporter? reporter = null,
        CancellationToken cancellationToken = default) =>
        CallRecords.Read(store, filter, zone, reporter, cancellationToken, legs);
}
