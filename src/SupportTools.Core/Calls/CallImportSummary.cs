namespace SupportTools.Calls;

/// <summary>One import of call records: a file, or one pipeline run.</summary>
public sealed class CallImportSummary(string? path, long records, long inserted, long duplicates, TimeSpan elapsed, string database)
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
}
