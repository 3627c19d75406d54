namespace SupportTools.Calls.Kazoo;

/// <summary>
/// Which CDRs to pull from crossbar's <c>GET /v2/accounts/{id}/cdrs</c>: the account, the time range (CDRs created
/// from <see cref="From"/> up to, not including, <see cref="To"/>), the page size, and the longest range one request
/// may cover (crossbar refuses longer ones: <c>crossbar.cdrs</c> <c>maximum_range</c>, 31 days by default).
/// </summary>
public sealed class KazooCdrQuery
{
    /// <summary>The most CDRs asked for per page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The range one request covers by default: 31 days, what crossbar allows unless configured otherwise.</summary>
    public static TimeSpan DefaultMaxRange { get; } = TimeSpan.FromDays(31);

    /// <summary>The account whose CDRs to pull; null: the account the credentials belong to.</summary>
    public string? AccountId { get; init; }

    /// <summary>The start of the range (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The end of the range (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>CDRs per page (crossbar's <c>page_size</c>), 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The longest range one request covers (whole seconds, at least one); longer ranges are split.</summary>
    public TimeSpan MaxRange { get; init; } = DefaultMaxRange;

    /// <summary>
    /// Throws an <see cref="InvalidRequestException"/> naming what the user gave wrong; an <see cref="ArgumentOutOfRangeException"/>
    /// for the values the cmdlet already validates (a bug if it happens).
    /// </summary>
    internal void Validate()
    {
        if (To <= From)
            throw new InvalidRequestException($"-To ({To:O}) must be after -From ({From:O}).", To);
        if (From.ToUnixTimeSeconds() + CallTimes.GregorianUnixEpoch < 0)
            throw new InvalidRequestException($"-From ({From:O}) is before the range Kazoo's Gregorian seconds can express.", From);
        if (PageSize is < 1 or > MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, $"A page holds 1 to {MaxPageSize} CDRs.");
        if (MaxRange < TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(MaxRange), MaxRange, "The longest range per request is at least one second.");
        if (AccountId is { } id && (id.Length == 0 || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))))
            throw new InvalidRequestException($"'{id}' is not a Kazoo account id (32 hexadecimal digits, e.g. 4b8c6fec4b2597882c0390202d195419).", id);
    }
}
