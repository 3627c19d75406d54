using System.Globalization;
using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Freshdesk;

/// <summary>
/// The <c>freshdesk</c> scenario: a <see cref="FreshdeskMock"/> account's ticket-activity export. Options:
/// <c>--api-key K</c> (default <see cref="FreshdeskMock.DefaultApiKey"/>), <c>--files-per-day N</c>,
/// <c>--activities N</c> (per file), <c>--missing-dates 2026-12-02,2026-12-05</c> (404),
/// <c>--empty-dates …</c> (an empty list), <c>--legacy-shape true</c> (<c>{"export":{"url"}}</c>),
/// <c>--api-limit 3/2s</c> (the export endpoint's own limit, Freshdesk's per-minute one in small: 429 with
/// <c>Retry-After</c>), <c>--file-host localhost</c>, <c>--link-lifetime 10m</c>, <c>--feature-disabled true</c>;
/// plus the shared rate-limit and fault options (which cover the file host too). Freshdesk answers 429 with
/// <c>Retry-After</c> in seconds.
/// </summary>
public sealed class FreshdeskScenario : IScenario
{
    /// <inheritdoc/>
    public string Name => "freshdesk";

    /// <inheritdoc/>
    public string Description =>
        "Freshdesk ticket-activity export (/api/v2/export/ticket_activities and pre-signed file links); --api-key K, --files-per-day N, " +
        "--activities N, --missing-dates d1,d2, --empty-dates d1, --legacy-shape true, --api-limit 3/2s, --file-host localhost, --link-lifetime 10m, --feature-disabled true";

    /// <inheritdoc/>
    public RateLimitHint DefaultRateLimitHint => RateLimitHint.RetryAfterSeconds;

    /// <summary>The mock this scenario serves (for tests that start the scenario in-process).</summary>
    public FreshdeskMock? Mock { get; private set; }

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints, ScenarioOptions options)
    {
        var (limit, window) = ApiLimit(options.Get<string?>("api-limit", null));
        Mock = new FreshdeskMock(new FreshdeskMockOptions
        {
            ApiKey = options.Get("api-key", FreshdeskMock.DefaultApiKey),
            Seed = options.Seed,
            LegacyShape = options.Get("legacy-shape", false),
            MissingDates = Dates(options.Get("missing-dates", ""), "missing-dates"),
            EmptyDates = Dates(options.Get("empty-dates", ""), "empty-dates"),
            FilesPerDay = options.Get("files-per-day", 1),
            ActivitiesPerFile = options.Get("activities", 60),
            ApiLimit = limit,
            ApiWindow = window,
            FileHost = options.Get<string?>("file-host", null),
            LinkLifetime = Duration(options.Get("link-lifetime", "10m"), "link-lifetime"),
            FeatureDisabled = options.Get("feature-disabled", false),
        });
        Mock.Map(endpoints);
    }

    private static HashSet<DateOnly> Dates(string text, string option)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            dates.Add(DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date : throw new ArgumentException($"--{option} '{part}' is not valid: expected dates yyyy-MM-dd, comma-separated."));
        return dates;
    }

    private static (int?, TimeSpan) ApiLimit(string? text)
    {
        if (text is null) return (null, TimeSpan.FromMinutes(1));
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var requests) && requests > 0
            && ScenarioOptions.TryParseDuration(parts[1], out var window) && window > TimeSpan.Zero)
            return (requests, window);
        throw new ArgumentException($"--api-limit '{text}' is not valid: expected requests/window such as 3/2s or 700/1m.");
    }

    private static TimeSpan Duration(string text, string option) =>
        ScenarioOptions.TryParseDuration(text, out var duration) ? duration : throw new ArgumentException($"--{option} '{text}' is not valid: expected a duration such as 10m.");
}
