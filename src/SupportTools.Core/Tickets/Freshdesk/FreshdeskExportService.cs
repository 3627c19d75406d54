using System.Globalization;
using SupportTools.Http;

namespace SupportTools.Tickets.Freshdesk;

/// <summary>
/// Pulls Freshdesk's daily ticket-activity exports into a folder: for each day, asks the account's API for the day's
/// export files (<c>GET /api/v2/export/ticket_activities?created_at=YYYY-MM-DD</c>, basic authentication with the API
/// key as the user and <c>X</c> as the password), then downloads each listed file from its pre-signed link through a
/// client that carries no credentials (the link points at another host, usually S3, which must never see the key).
/// Each file is written beside its target and moved into place only when complete; a file already there is kept
/// unless <see cref="FreshdeskExportRequest.Force"/>. A day Freshdesk has no export for (404) is a warning; Freshdesk
/// keeps exports for <see cref="RetentionDays"/> days, so an older day is refused before any request. 429 with
/// <c>Retry-After</c> (Freshdesk's per-minute limit) is waited out by the shared HTTP layer.
/// </summary>
public sealed class FreshdeskExportService
{
    /// <summary>How many days Freshdesk keeps an export file.</summary>
    public const int RetentionDays = 30;

    /// <summary>The export listing's path on the account's address.</summary>
    public const string ExportPath = "/api/v2/export/ticket_activities";

    private readonly TimeProvider _time;

    /// <summary>A service on the system clock (which decides what "older than 30 days" means).</summary>
    public FreshdeskExportService() : this(TimeProvider.System)
    {
    }

    internal FreshdeskExportService(TimeProvider time) => _time = time;

    /// <summary>
    /// The account's address for <paramref name="domain"/>: <c>acme.freshdesk.com</c> (or a custom domain) becomes
    /// <c>https://acme.freshdesk.com</c>, and a bare <c>acme</c> is taken as <c>acme.freshdesk.com</c>. An
    /// <see cref="InvalidRequestException"/> when it is not a host name (a URL, a path).
    /// </summary>
    public static Uri AccountAddress(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var host = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (host.Length > 0 && !host.Contains('.')) host += ".freshdesk.com";
        if (Uri.CheckHostName(host) != UriHostNameType.Dns)
            throw new InvalidRequestException($"-Domain must be the account's host name, such as 'acme.freshdesk.com', not '{domain}'. (A test server's full address goes to -BaseUri.)", domain);
        return new Uri("https://" + host);
    }

    /// <summary>
    /// The name of a day's export file: <c>ticket_activities_2026-12-01.json</c>, or with several files that day
    /// <c>ticket_activities_2026-12-01_1.json</c>, <c>_2</c>… in the order Freshdesk lists them.
    /// </summary>
    public static string FileName(DateOnly date, int index, int count) =>
        "ticket_activities_" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (count > 1 ? "_" + index.ToString(CultureInfo.InvariantCulture) : "") + ".json";

    /// <summary>
    /// Fetches the exports of <see cref="FreshdeskExportRequest.Dates"/>: <paramref name="emit"/> gets each day's files
    /// (written now or kept from before) in order; <paramref name="fail"/> each day or file that failed while the rest
    /// went on. Throws before any request when a day is older than <see cref="RetentionDays"/> days or still to come
    /// (<see cref="InvalidRequestException"/>), and stops with the <see cref="ServiceException"/> when the API refuses the
    /// key (401, 403) or stays unavailable, since no other day could succeed then.
    /// </summary>
    public async Task PullAsync(FreshdeskExportRequest request, IOperationReporter reporter, Action<FileInfo> emit,
        Action<FreshdeskExportFailure> fail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dates = request.Dates.Distinct().ToList();
        CheckDates(dates);
        var folder = Path.GetFullPath(request.OutputFolder);
        if (File.Exists(folder))
            throw new IOException($"-OutputFolder '{folder}' is a file; give a folder.");

        using var api = new ServiceClient(request.Api, reporter);
        using var downloads = new DownloadClients(request.Api, reporter);
        for (var d = 0; d < dates.Count; d++)
        {
            var date = dates[d];
            var day = Day(date);
            reporter.Progress($"{day}: asking Freshdesk for the export", d, dates.Count);
            IReadOnlyList<Uri> links;
            try
            {
                var listing = await api.SendAsync(new ServiceRequest(HttpMethod.Get, $"{ExportPath}?created_at={day}"), cancellationToken).ConfigureAwait(false);
                links = FreshdeskExportListing.Read(listing);
            }
            catch (ServiceException missing) when (missing.Failure == ServiceFailure.NotFound)
            {
                reporter.Warning($"Freshdesk has no ticket-activity export for {day} (404): none was made that day, or it is not ready yet.");
                continue;
            }
            catch (ServiceException dayFailed) when (dayFailed.Failure is ServiceFailure.Rejected or ServiceFailure.InvalidResponse)
            {
                fail(new FreshdeskExportFailure(date, day, dayFailed));
                continue;
            }
            if (links.Count == 0)
            {
                reporter.Warning($"Freshdesk lists no ticket-activity export file for {day}.");
                continue;
            }
            reporter.Verbose($"{day}: Freshdesk lists {links.Count} export file{(links.Count == 1 ? "" : "s")}.");
            for (var i = 0; i < links.Count; i++)
            {
                var download = new FreshdeskExportDownload(date, i + 1, links.Count, Path.Combine(folder, FileName(date, i + 1, links.Count)), false);
                reporter.Progress($"{day}: file {i + 1} of {links.Count}, {Path.GetFileName(download.TargetPath)}", d, dates.Count);
                if (File.Exists(download.TargetPath))
                {
                    if (!request.Force)
                    {
                        reporter.Verbose($"'{download.TargetPath}' is there already: kept (-Force downloads it again).");
                        emit(new FileInfo(download.TargetPath));
                        continue;
                    }
                    download = download with { Replaces = true };
                }
                if (!await request.Approve(download, cancellationToken).ConfigureAwait(false))
                    continue;
                try
                {
                    emit(await DownloadAsync(downloads.For(links[i]), links[i], download, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is ServiceException or IOException or UnauthorizedAccessException)
                {
                    fail(new FreshdeskExportFailure(date, download.TargetPath, e));
                }
            }
        }
        reporter.Progress("Done", dates.Count, dates.Count);
    }

    /// <summary>Refuses, all at once and before any request, days Freshdesk no longer keeps or has not reached.</summary>
    internal void CheckDates(IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count == 0) throw new InvalidRequestException("Give at least one day with -Date.");
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var oldest = today.AddDays(-RetentionDays);
        // A day ahead of UTC is allowed: the account's own zone may already be there.
        var latest = today.AddDays(1);
        var tooOld = dates.Where(date => date < oldest).Select(Day).ToList();
        var future = dates.Where(date => date > latest).Select(Day).ToList();
        var problems = new List<string>();
        if (tooOld.Count > 0)
            problems.Add($"Freshdesk keeps ticket-activity exports for {RetentionDays} days, so there is no export for {string.Join(", ", tooOld)} any more (the oldest day it can have is {Day(oldest)}).");
        if (future.Count > 0)
            problems.Add($"{string.Join(", ", future)} {(future.Count == 1 ? "is" : "are")} still to come (today is {Day(today)} in UTC).");
        if (problems.Count > 0)
            throw new InvalidRequestException(string.Join(" ", problems) + " Nothing was requested.");
    }

    /// <summary>
    /// Downloads the export beside its target, as it arrives (a day's export can be hundreds of megabytes: memory holds
    /// one chunk), checks that it is one, and moves it into place; on any failure the partial file is deleted.
    /// </summary>
    private static async Task<FileInfo> DownloadAsync(ServiceClient client, Uri link, FreshdeskExportDownload download, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(download.TargetPath)!);
        using var staged = StagedFile.Create(download.TargetPath);
        var answer = await client.SendAsync(new ServiceRequest(HttpMethod.Get, link.OriginalString) { Destination = staged.Stream }, cancellationToken)
            .ConfigureAwait(false);
        // An export file is a JSON object; anything else (an error page served with 200) must not land as one.
        if (!StartsWithObject(staged.Stream))
            throw new ServiceException(ServiceFailure.InvalidResponse, "Freshdesk export download", answer.Method, answer.RequestUri, answer.StatusCode, answer.Attempts,
                "the file is not a ticket-activity export (it does not start with a JSON object)");
        staged.Commit(noClobber: !download.Replaces);
        return new FileInfo(download.TargetPath);
    }

    /// <summary>Whether the first byte after white space and a byte-order mark is <c>{</c>.</summary>
    private static bool StartsWithObject(Stream file)
    {
        file.Position = 0;
        Span<byte> start = stackalloc byte[4096];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var first = start[..read].TrimStart(" \t\r\n\uFEFF"u8);
        return first.Length > 0 && first[0] == (byte)'{';
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Clients for the file links, one per origin, without a signer: the links are pre-signed, and a request that
    /// carries the API key as well is both a leak and refused by S3 ("only one auth mechanism allowed").
    /// </summary>
    private sealed class DownloadClients(ServiceClientOptions api, IOperationReporter reporter) : IDisposable
    {
        private readonly Dictionary<string, ServiceClient> _byOrigin = new(StringComparer.OrdinalIgnoreCase);

        public ServiceClient For(Uri link)
        {
            var origin = link.GetLeftPart(UriPartial.Authority);
            if (!_byOrigin.TryGetValue(origin, out var client))
            {
                // The API's settings for another origin, without the signer: the links are pre-signed. An export file
                // is a whole day of a desk's activity, often past the API answers' 64 MiB cap: the files may be as large
                // as one answer can be (they are read whole, then written to disk).
                client = new ServiceClient(api with
                {
                    BaseUri = new Uri(origin),
                    ServiceName = "Freshdesk export download",
                    Signer = null,
                    MaxConcurrency = 1,
                    MaxResponseBytes = Array.MaxLength,
                }, reporter);
                _byOrigin.Add(origin, client);
            }
            return client;
        }

        public void Dispose()
        {
            foreach (var client in _byOrigin.Values) client.Dispose();
        }
    }
}
