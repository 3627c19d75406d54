namespace SupportTools.Calls;

/// <summary>A zone of numbers that calls were made from or to: <c>Get-CallRegion</c>'s rows.</summary>
public sealed class CallRegion(string country, string region, long zoneId)
{
    /// <summary>The country's English name (e.g. <c>New Zealand</c>).</summary>
    public string Country { get; } = country;
    /// <summary>The region, named <c>&lt;country&gt; &lt;place&gt;</c> or <c>&lt;country&gt; Mobile</c> (e.g. <c>New Zealand Balclutha</c>).</summary>
    public string Region { get; } = region;
    /// <summary>The zone id that <c>caller_zone_id</c>/<c>callee_zone_id</c> hold and filters compare with.</summary>
    public long ZoneId { get; } = zoneId;
}
