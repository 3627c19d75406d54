using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupportTools.Http;

namespace SupportTools.Desk;

/// <summary>
/// Pulls every case of a <see cref="DeskCaseQuery"/>: the first page, then each <c>_links.next</c> until there is none.
/// One page is held at a time and its cases are emitted as they are read, so memory stays flat however many cases
/// there are. A pull that would never end stops with a <see cref="DeskPageException"/> (<see cref="DeskPageProblem.Loop"/>)
/// naming the page: a <c>next</c> link to a page already pulled (compared as a normalised URL: same path, same query
/// parameters in any order); a page whose cases repeat an earlier page's, whatever its link says (a server that only
/// changes a nonce in <c>next</c>); and more pages than <see cref="DeskCaseQuery.MaxPages"/>, or than twice what
/// <c>total_entries</c> calls for plus ten. A page that is not a HAL page of cases stops it too. One entry that is not a
/// valid case (a bad field) is that entry's problem: given a <c>badEntry</c> callback, it gets the exception and the
/// pull goes on. Progress counts cases of <c>total_entries</c> and pages.
/// </summary>
internal static class DeskCasePager
{
    /// <summary>
    /// Pulls the cases from the Desk API at <paramref name="options"/>' address through one <see cref="ServiceClient"/>
    /// (retries, rate-limit hints, a verbose line per request), passing each case to <paramref name="emit"/>. The same
    /// as <see cref="DeskService.PullCasesAsync"/>.
    /// </summary>
    public static Task PullAsync(ServiceClientOptions options, DeskCaseQuery query, IOperationReporter reporter,
        Action<DeskCase> emit, Action<DeskPageException>? badEntry, CancellationToken cancellationToken) =>
        new DeskService(options).PullCasesAsync(query, reporter, emit, badEntry, cancellationToken);

    /// <summary>
    /// Pulls the cases, fetching each page (an absolute URL on <paramref name="baseUri"/>'s origin, or where the previous
    /// page's <c>next</c> link points) with <paramref name="fetch"/> and passing each case to <paramref name="emit"/>, and
    /// each entry that is not a valid case to <paramref name="badEntry"/> (null: such an entry stops the pull).
    /// </summary>
    public static Task PullAsync(Uri baseUri, DeskCaseQuery query, Func<Uri, CancellationToken, Task<JsonDocument>> fetch,
        IOperationReporter reporter, Action<DeskCase> emit, Action<DeskPageException>? badEntry, CancellationToken cancellationToken) =>
        PullAsync(baseUri, query, null, fetch, reporter, emit, badEntry, cancellationToken);

    /// <summary>As the public overload, with custom field values normalised by <paramref name="fieldTypes"/> when given.</summary>
    internal static async Task PullAsync(Uri baseUri, DeskCaseQuery query, IReadOnlyDictionary<string, DeskCustomFieldType>? fieldTypes,
        Func<Uri, CancellationToken, Task<JsonDocument>> fetch, IOperationReporter reporter, Action<DeskCase> emit,
        Action<DeskPageException>? badEntry, CancellationToken cancellationToken)
    {
        var pulledPages = new Dictionary<string, int>(StringComparer.Ordinal);
        var pageContents = new Dictionary<string, int>(StringComparer.Ordinal);
        var target = new Uri(baseUri, query.FirstPage());
        long cases = 0, entries = 0;
        long? total = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var number = pulledPages.Count + 1;
            pulledPages.Add(Key(target), number);
            using (var document = await fetch(target, cancellationToken).ConfigureAwait(false))
            {
                var page = DeskPage.Read(document.RootElement, target);
                total ??= page.TotalEntries;
                if (page.Count > 0 && !pageContents.TryAdd(Fingerprint(page), number))
                    throw Loop(target, number, cases,
                        $"its cases are the same as those of page {pageContents[Fingerprint(page)].ToString(CultureInfo.InvariantCulture)} (the server keeps answering with cases already pulled)");
                for (var i = 0; i < page.Count; i++, entries++)
                {
                    DeskCase deskCase;
                    try
                    {
                        deskCase = DeskCaseReader.Read(page.Entries[i], target, i, query.IncludeCustomFields, fieldTypes);
                    }
                    catch (DeskPageException invalid) when (badEntry is not null)
                    {
                        badEntry(invalid);
                        continue;
                    }
                    emit(deskCase);
                    cases++;
                }
                reporter.Progress(Status(number, total, query.PerPage), cases, total);
                if (page.NextHref is null) break;
                var next = Resolve(target, page.NextHref);
                if (pulledPages.TryGetValue(Key(next), out var earlier))
                    throw Loop(target, number, cases, $"its next link ({page.NextHref}) leads back to page {earlier.ToString(CultureInfo.InvariantCulture)} of this pull");
                var cap = PageCap(query, total);
                if (number >= cap)
                    throw Loop(target, number, cases, $"it links to yet another page, past the {cap.ToString(CultureInfo.InvariantCulture)} pages this pull allows"
                        + (total is { } t ? $" for {t.ToString(CultureInfo.InvariantCulture)} cases (total_entries)" : " (-MaxPages)"));
                target = next;
            }
        }
        reporter.Verbose($"Desk: {cases.ToString("N0", CultureInfo.InvariantCulture)} cases in {pulledPages.Count.ToString(CultureInfo.InvariantCulture)} pages.");
        if (total is { } expected && expected != entries)
            reporter.Warning($"Desk said the list holds {expected.ToString("N0", CultureInfo.InvariantCulture)} cases (total_entries) but its pages held {entries.ToString("N0", CultureInfo.InvariantCulture)}: cases were probably added or changed during the pull.");
    }

    /// <summary>
    /// The most pages a pull may take: <see cref="DeskCaseQuery.MaxPages"/>, and, when the first page said how many cases
    /// there are, twice the pages they fill plus ten (room for cases added during the pull, none for a server that
    /// never stops saying there is more).
    /// </summary>
    internal static long PageCap(DeskCaseQuery query, long? total) =>
        total is { } entries ? Math.Min(query.MaxPages, 2 * ((entries + query.PerPage - 1) / query.PerPage) + 10) : query.MaxPages;

    private static DeskPageException Loop(Uri page, int number, long cases, string why) =>
        new(DeskPageProblem.Loop, page,
            $"{why}; stopped after {number.ToString(CultureInfo.InvariantCulture)} pages and {cases.ToString(CultureInfo.InvariantCulture)} cases instead of pulling forever.");

    /// <summary>
    /// What a page holds, for spotting a page served again under another link: its entries' ids (or self links, or, for
    /// an entry with neither, its whole text), hashed.
    /// </summary>
    private static string Fingerprint(DeskPage page)
    {
        var ids = new StringBuilder();
        foreach (var entry in page.Entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String)
                ids.Append(id.GetRawText());
            else if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object
                && links.TryGetProperty("self", out var self) && self.ValueKind == JsonValueKind.Object && self.TryGetProperty("href", out var href))
                ids.Append(href.GetRawText());
            else
                ids.Append(entry.GetRawText());
            ids.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ids.ToString())));
    }

    private static string Status(int page, long? total, int perPage) => total is { } entries
        ? $"Page {page.ToString(CultureInfo.InvariantCulture)} of {Math.Max(1, (entries + perPage - 1) / perPage).ToString(CultureInfo.InvariantCulture)}"
        : $"Page {page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A HAL href, relative to the page it came from, as an absolute URL.</summary>
    private static Uri Resolve(Uri page, string href) =>
        Uri.TryCreate(page, href, out var resolved) ? resolved
            : throw new DeskPageException(DeskPageProblem.InvalidPage, page, $"its next link '{href}' is not a URL.");

    /// <summary>
    /// A page's identity: origin, path and the query's parameters sorted (so <c>?per_page=100&amp;page=2</c> and
    /// <c>?page=2&amp;per_page=100</c> are one page), each decoded.
    /// </summary>
    internal static string Key(Uri page)
    {
        var parameters = page.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Uri.UnescapeDataString(p.Replace('+', ' ')))
            .Order(StringComparer.Ordinal);
        return page.GetLeftPart(UriPartial.Path) + "?" + string.Join("&", parameters);
    }
}
