namespace SupportTools.Calls;

/// <summary>The calendar buckets call statistics are computed over, in the query's time zone.</summary>
public enum CallPeriod
{
    /// <summary>Calendar months, from the first day's midnight.</summary>
    Monthly,
    /// <summary>Weeks starting Monday at midnight.</summary>
    Weekly,
    /// <summary>Calendar days, midnight to midnight (23 or 25 hours on a daylight-saving change).</summary>
    Daily,
    /// <summary>Local clock hours: the repeated hour at a fall-back is two buckets, the skipped hour at a spring-forward none.</summary>
    Hourly,
}
