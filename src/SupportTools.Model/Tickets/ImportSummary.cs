namespace SupportTools.Tickets;

/// <summary>One import: a file, or one pipeline run of piped activities.</summary>
public sealed class ImportSummary(string? path, long activities, long tickets, long inserted, long duplicates, TimeSpan elapsed, string? database = null)
{
    /// <summary>The file imported; null for piped activities.</summary>
    public string? Path { get; } = path;
    /// <summary>Activities read.</summary>
    public long Activities { get; } = activities;
    /// <summary>Distinct tickets read.</summary>
    public long Tickets { get; } = tickets;
    /// <summary>Activities new to the store.</summary>
    public long Inserted { get; } = inserted;
    /// <summary>Activities already stored (or repeated in the input), not inserted again.</summary>
    public long Duplicates { get; } = duplicates;
    /// <summary>Time taken.</summary>
    public TimeSpan Elapsed { get; } = elapsed;
    /// <summary>The database imported into (full path).</summary>
    public string? Database { get; } = database;
}
