namespace SupportTools.Calls;

/// <summary>One import of call records: a file, or one pipeline run.</summary>
public sealed class CallImportSummary(string? path, long records, long inserted, long duplicates, TimeSpan elapsed, string database,
    long withDirection = 0)
{
    /// <summary>The file imported; null for records added through the API.</summary>
    public string? Path { get; } = path;
    /// <summary>Records read.</summary>
    public long Records { get; } = records;
    /// <summary>Records new to the store.</summary>
    public long Inserted { get; } = inserted;
    /// <summary>Records whose <c>call_id</c> was already stored (or repeated in the input): not inserted again.</summary>
    public long Duplicates { get; } = duplicates;
    /// <summary>Time taken.</summary>
    public TimeSpan Elapsed { get; } = elapsed;
    /// <summary>The database imported into (full path).</summary>
    public string Database { get; } = database;
    /// <summary>
    /// Records that say their direction (<c>call_direction</c>, or the crossbar listing's <c>direction</c>); when none
    /// does, <c>Import-CallRecord</c> warns: grouping or filtering by direction would leave them all out.
    /// </summary>
    public long WithDirection { get; } = withDirection;

    /// <summary>True when some record was read and none said its direction.</summary>
    public bool LacksDirection => Records > 0 && WithDirection == 0;
}
