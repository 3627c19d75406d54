namespace SupportTools.TestServer.Kazoo;

/// <summary>How a <see cref="KazooMock"/> behaves: its account, credentials, CDRs, token lifetime, range limit and the page faults it plays.</summary>
public sealed record KazooMockOptions
{
    /// <summary>The account's id (32 hexadecimal digits, as Kazoo's).</summary>
    public string AccountId { get; init; } = "4b8c6fec4b2597882c0390202d195419";

    /// <summary>The account's name, which <c>user_auth</c> requires.</summary>
    public string AccountName { get; init; } = "acme";

    /// <summary>The account's API key (<c>api_auth</c>).</summary>
    public string ApiKey { get; init; } = "f7b2c9e0a8d14c3b9a6e5d4c3b2a1908f7e6d5c4b3a291807f6e5d4c3b2a1908";

    /// <summary>A user of the account (<c>user_auth</c>) and its password.</summary>
    public string User { get; init; } = "admin";

    /// <summary>The user's password.</summary>
    public string Password { get; init; } = "S3cret-pa55";

    /// <summary>How many CDRs (legs) the account holds.</summary>
    public int Cdrs { get; init; } = 200;

    /// <summary>Seed of the generated CDRs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The first call's earliest start.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How long the calls are spread over (longer than one request may cover by default).</summary>
    public TimeSpan Span { get; init; } = TimeSpan.FromDays(60);

    /// <summary>
    /// The longest range one request may cover, in seconds (crossbar.cdrs <c>maximum_range</c>; crossbar.hrl's
    /// <c>?MAX_RANGE</c> is 31 days plus an hour, 2,682,000 s).
    /// </summary>
    public long MaxRangeSeconds { get; init; } = 2_682_000;

    /// <summary>A token is refused (401) after this many CDR requests; null: tokens do not expire.</summary>
    public int? TokenUses { get; init; }

    /// <summary>This CDR page (counted over the server's life, from 1) is not crossbar's envelope.</summary>
    public int? BadPage { get; init; }

    /// <summary>The CDR at this place (from 1, oldest first) has <c>"duration_seconds":"n/a"</c>, which no reader can take for a number.</summary>
    public int? BadRow { get; init; }

    /// <summary>This CDR page's next_start_key is the key the page was asked with (a loop).</summary>
    public int? RepeatStartKeyOn { get; init; }
}
