namespace SupportTools.Calls;

/// <summary>
/// The one rule for when a call leg started, whichever of Kazoo's time fields a record carries (so the same leg gets the
/// same <c>call_time</c> from a raw CDR document, a crossbar listing row and the listing's CSV), in this order:
/// <list type="number">
/// <item><c>call_time</c>: the module's own ISO 8601 start.</item>
/// <item><c>unix_timestamp</c>: the listing's start in Unix seconds.</item>
/// <item><c>timestamp</c>, Gregorian seconds: in a raw CDR document it is when the leg ended (the document is written at
/// hang-up), so the start is <c>timestamp - duration_seconds</c>; in a listing row Kazoo has already subtracted the
/// duration (<c>cb_cdrs:normalize_cdr/3</c>: <c>Timestamp = kzd_cdrs:timestamp(JObj, 0) - Duration</c>, in 2600hz/kazoo
/// applications/crossbar/src/modules/cb_cdrs.erl), so it is the start as it stands. A record is a listing row when it
/// has a listing-only field (<c>direction</c>, <c>unix_timestamp</c>, <c>datetime</c>, <c>dialed_number</c>,
/// <c>calling_from</c>, <c>iso_8601</c>, <c>rfc_1036</c>).</item>
/// <item><c>datetime</c>: the listing's start as UTC text (it moves with a request's <c>utc_offset</c>, hence last).</item>
/// </list>
/// Gregorian seconds below 62,167,219,200 (before 1970: a Unix time given as <c>timestamp</c> by mistake) and starts
/// outside <see cref="CallTimes.MinUnixSeconds"/>..<see cref="CallTimes.MaxUnixSeconds"/> are errors naming the field.
/// </summary>
internal struct CallStart
{
    /// <summary>The record's <c>call_time</c> (Unix seconds), if any.</summary>
    public long? CallTime;
    /// <summary>The record's <c>unix_timestamp</c>, if any.</summary>
    public long? UnixTimestamp;
    /// <summary>The record's <c>timestamp</c> (Gregorian seconds), if any.</summary>
    public long? Timestamp;
    /// <summary>The record's <c>datetime</c> (Unix seconds), if any.</summary>
    public long? Datetime;
    /// <summary>The leg's <c>duration_seconds</c> (0 when missing).</summary>
    public long DurationSeconds;

    /// <summary>The leg's start in Unix seconds; <paramref name="isListing"/> for a crossbar listing row.</summary>
    public readonly long Resolve(bool isListing)
    {
        if (CallTime is { } callTime) return Checked(callTime, CallField.CallTime);
        if (UnixTimestamp is { } unix) return Checked(unix, CallField.UnixTimestamp);
        if (Timestamp is { } gregorian)
        {
            if (gregorian < CallTimes.GregorianUnixEpoch)
                throw new CallFieldException(
                    $"{gregorian} is before 1970 in Kazoo's Gregorian seconds (from year 0; 1970 is {CallTimes.GregorianUnixEpoch:N0}); " +
                    "a Unix time belongs in unix_timestamp", CallField.Timestamp);
            return Checked(CallTimes.FromGregorian(gregorian) - (isListing ? 0 : DurationSeconds), CallField.Timestamp);
        }
        if (Datetime is { } datetime) return Checked(datetime, CallField.Datetime);
        throw new CallFieldException(
            "the record has no time: give call_time (ISO 8601), timestamp (Kazoo's Gregorian seconds) or unix_timestamp", CallField.CallTime);
    }

    private static long Checked(long unixSeconds, CallField field) =>
        CallTimes.IsStorable(unixSeconds) ? unixSeconds
        : throw new CallFieldException(
            $"the call would start at {Shown(unixSeconds)}, outside the times kept (1970-01-01 to 9998-12-31, UTC)", field);

    private static string Shown(long unixSeconds) =>
        unixSeconds is >= -62_135_596_800 and <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            : $"{unixSeconds} Unix seconds";
}
