namespace SupportTools.Calls;

/// <summary>One zone table imported: <c>Import-CallZone</c>'s output.</summary>
public sealed class CallZoneImportSummary(string path, long zones, long prefixes, long rezoned, TimeSpan elapsed, string database)
{
    /// <summary>The zone table file.</summary>
    public string Path { get; } = path;
    /// <summary>Zones in the table.</summary>
    public long Zones { get; } = zones;
    /// <summary>Prefixes in the table.</summary>
    public long Prefixes { get; } = prefixes;
    /// <summary>Stored calls whose zone ids changed (their zones were derived again from the new table).</summary>
    public long Rezoned { get; } = rezoned;
    /// <summary>Time taken.</summary>
    public TimeSpan Elapsed { get; } = elapsed;
    /// <summary>The database (full path).</summary>
    public string Database { get; } = database;
}
