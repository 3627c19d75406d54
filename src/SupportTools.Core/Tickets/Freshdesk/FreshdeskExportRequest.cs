using SupportTools.Http;

namespace SupportTools.Tickets.Freshdesk;

/// <summary>What <see cref="FreshdeskExportService.PullAsync"/> fetches, from where, and where it writes.</summary>
public sealed class FreshdeskExportRequest
{
    /// <summary>
    /// The account's API: its address (<c>https://acme.freshdesk.com</c>, or a test server) and a signer that sends the
    /// API key as the basic-authentication user with <c>X</c> as the password. Only the export listing goes here; the
    /// files come from pre-signed links fetched without it.
    /// </summary>
    public required ServiceClientOptions Api { get; init; }

    /// <summary>The days whose exports to fetch (the export's <c>created_at</c>), in the order given; repeats are fetched once.</summary>
    public required IReadOnlyList<DateOnly> Dates { get; init; }

    /// <summary>The folder the files are written to (created when missing, at the first write).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Downloads a file again and replaces it when it is already in <see cref="OutputFolder"/> (else it is kept).</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Asked before each file is written (a new one, or a replacement under <see cref="Force"/>); false skips it. The
    /// cmdlet answers with <c>ShouldProcess</c> (-WhatIf, -Confirm). Default: always.
    /// </summary>
    public Func<FreshdeskExportDownload, CancellationToken, Task<bool>> Approve { get; init; } = static (_, _) => Task.FromResult(true);
}
