namespace SupportTools.Tickets;

/// <summary>
/// Notices activities outside their file's own window (metadata <c>start_at</c>..<c>end_at</c>): such an activity is
/// imported as it is (the export is the record), but it hints at a file cut from another window or a clock problem, so
/// the import says so on the verbose stream with the first such record. Rows read before the metadata (a file that
/// writes it last) are judged by the earliest and latest seen.
/// </summary>
internal sealed class ExportWindowCheck
{
    private long _outside, _unchecked;
    private (long Record, long TicketId, DateTimeOffset At)? _first, _earliest, _latest;

    /// <summary>Looks at one activity, the <paramref name="record"/>-th of the file.</summary>
    public void Observe(long record, long ticketId, DateTimeOffset at, ExportMetadata? metadata)
    {
        if (_earliest is null || at < _earliest.Value.At) _earliest = (record, ticketId, at);
        if (_latest is null || at > _latest.Value.At) _latest = (record, ticketId, at);
        if (metadata is null) { _unchecked++; return; }
        if (!Outside(at, metadata)) return;
        _outside++;
        if (_first is null || record < _first.Value.Record) _first = (record, ticketId, at);
    }

    /// <summary>Says on the verbose stream how many activities of <paramref name="path"/> fell outside its window.</summary>
    public void Report(string path, ExportMetadata? metadata, IOperationReporter reporter)
    {
        if (metadata is null || (metadata.StartAt is null && metadata.EndAt is null)) return;
        if (_unchecked > 0)
            foreach (var extreme in new[] { _earliest, _latest })
                if (extreme is { } e && Outside(e.At, metadata) && (_first is null || e.Record < _first.Value.Record)) _first = e;
        if (_first is not { } first) return;
        var window = $"{Text(metadata.StartAt)} to {Text(metadata.EndAt)}";
        var how = metadata.StartAt is { } start && first.At < start ? $"{Describe(start - first.At)} before start_at" : $"{Describe(first.At - metadata.EndAt!.Value)} after end_at";
        var count = _unchecked > 0 && _outside == 0 ? "Some activities" : $"{_outside:N0} {(_outside == 1 ? "activity" : "activities")}";
        reporter.Verbose($"'{path}': {count} fall outside the file's own window ({window}); the first is record {first.Record}, ticket {first.TicketId} at " +
                         $"{FreshdeskTime.ToString(first.At)} ({how}). They were imported as they are.");
    }

    private static bool Outside(DateTimeOffset at, ExportMetadata metadata) => at < metadata.StartAt || at > metadata.EndAt;

    private static string Text(DateTimeOffset? time) => time is { } t ? FreshdeskTime.ToString(t) : "(none)";

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds < 60 ? $"{span.TotalSeconds:0} second{(span.TotalSeconds == 1 ? "" : "s")}"
        : span.TotalHours < 1 ? $"{span.TotalMinutes:0} minutes" : $"{span.TotalHours:0.#} hours";
}
