namespace SupportTools.TestServer.Freshdesk;

/// <summary>How a <see cref="FreshdeskMock"/> account behaves.</summary>
public sealed class FreshdeskMockOptions
{
    /// <summary>The API key the export endpoint accepts (as the basic-authentication user, any password).</summary>
    public string ApiKey { get; init; } = FreshdeskMock.DefaultApiKey;

    /// <summary>Seed of the files' content.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Answer as older accounts did, one object: <c>{"export":{"url":…}}</c> (the first file only).</summary>
    public bool LegacyShape { get; init; }

    /// <summary>Days with no export: the endpoint answers 404.</summary>
    public IReadOnlySet<DateOnly> MissingDates { get; init; } = new HashSet<DateOnly>();

    /// <summary>Days whose listing is an empty list, <c>{"export":[]}</c>.</summary>
    public IReadOnlySet<DateOnly> EmptyDates { get; init; } = new HashSet<DateOnly>();

    /// <summary>Export files per day (a large account's day comes in several).</summary>
    public int FilesPerDay { get; init; } = 1;

    /// <summary>Activities per file, at most (the tickets' rows that fall after the window's end are cut).</summary>
    public int ActivitiesPerFile { get; init; } = 60;

    /// <summary>Requests the export endpoint allows per <see cref="ApiWindow"/> (Freshdesk's per-minute limit); null for no limit.</summary>
    public int? ApiLimit { get; init; }

    /// <summary>The window of <see cref="ApiLimit"/> (a minute at Freshdesk; shorter in tests).</summary>
    public TimeSpan ApiWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The host name the file links use (with the server's port), e.g. <c>localhost</c> to make them another origin
    /// than the API's <c>127.0.0.1</c>; null: the host the listing was asked on.
    /// </summary>
    public string? FileHost { get; init; }

    /// <summary>How long a link stays valid (S3's <c>X-Amz-Expires</c>); a download after that is refused with 403.</summary>
    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The account lacks the Activity Export feature: the endpoint answers 403 <c>require_feature</c>.</summary>
    public bool FeatureDisabled { get; init; }
}
