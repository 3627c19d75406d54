namespace SupportTools.Calls;

/// <summary>A time zone id that is neither an IANA id nor a Windows id NodaTime's tz database knows.</summary>
public sealed class UnknownTimeZoneException : SupportToolsException
{
    /// <summary>Creates the exception for <paramref name="zoneId"/>, suggesting <paramref name="suggestions"/>.</summary>
    public UnknownTimeZoneException(string zoneId, IReadOnlyList<string> suggestions)
        : base(Describe(zoneId, suggestions))
    {
        ZoneId = zoneId;
    }

    /// <summary>The id as given.</summary>
    public string ZoneId { get; }

    /// <inheritdoc />
    public override string ErrorId => ErrorIds.UnknownTimeZone;

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.InvalidArgument;

    /// <inheritdoc />
    public override object? Target => ZoneId;

    private static string Describe(string zoneId, IReadOnlyList<string> suggestions) =>
        $"Unknown time zone '{zoneId}'. " +
        (suggestions.Count > 0 ? $"Did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}? " : "") +
        "Give an IANA id such as 'Pacific/Auckland', 'America/New_York' or 'UTC' (press Tab after -TimeZone to complete one, " +
        "or list them all with [NodaTime.DateTimeZoneProviders]::Tzdb.Ids).";
}
