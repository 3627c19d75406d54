namespace SupportTools.Calls;

/// <summary>How <see cref="CallRecordWriter"/> writes calls.</summary>
internal enum CallFileFormat
{
    /// <summary>Kazoo CDR objects, one per line (Gregorian <c>timestamp</c>: the leg's end, as Kazoo writes it; durations as strings, no <c>unanswered</c>).</summary>
    JsonLines,
    /// <summary>The same objects in one JSON array, one per line.</summary>
    JsonArray,
    /// <summary>CSV with the CDR field names as header, <c>call_time</c> in ISO 8601 UTC (round-trip <c>o</c>) and <c>unanswered</c> given.</summary>
    Csv,
}
