namespace SupportTools.Tickets;

/// <summary>What an export file holds, emitted after writing one.</summary>
public sealed class ExportSummary(string path, long activities, long tickets, DateTimeOffset startAt, DateTimeOffset endAt, long bytes, TimeSpan elapsed)
{
    /// <summary>The file written.</summary>
    public string Path { get; } = path;
    /// <summary>Activities written.</summary>
    public long Activities { get; } = activities;
    /// <summary>Distinct tickets written.</summary>
    public long Tickets { get; } = tickets;
    /// <summary>The metadata window's start.</summary>
    public DateTimeOffset StartAt { get; } = startAt;
    /// <summary>The metadata window's end.</summary>
    public DateTimeOffset EndAt { get; } = endAt;
    /// <summary>File size.</summary>
    public long Bytes { get; } = bytes;
    /// <summary>Time taken.</summary>
    public TimeSpan Elapsed { get; } = elapsed;
}
