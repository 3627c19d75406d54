namespace SupportTools.Calls;

/// <summary>How a <c>call_time</c> text read (see <see cref="CallTimes.Parse"/>).</summary>
internal enum CallTimeReading
{
    /// <summary>A time with its offset.</summary>
    Valid,
    /// <summary>Not a time the module reads (or one without an offset).</summary>
    Invalid,
    /// <summary>A date whose day and month could be swapped (<c>03/04/2016</c>).</summary>
    Ambiguous,
}
