using System.Globalization;
using System.Text;

namespace SupportTools.Desk;

/// <summary>
/// What to pull from Desk. Without filters it is the case list, <c>GET /api/v2/cases?page=1&amp;per_page=N</c>; the list
/// takes no filters, so a status or time filter uses Desk's case search, <c>GET /api/v2/cases/search</c> with
/// <c>status=open,pending</c> and <c>since_updated_at</c>/<c>since_created_at</c> (Unix seconds). Both are HAL pages
/// followed through <c>_links.next</c>.
/// </summary>
public sealed class DeskCaseQuery
{
    /// <summary>The most entries Desk serves per page.</summary>
    public const int MaxPerPage = 100;

    /// <summary>Entries per page, 1 to <see cref="MaxPerPage"/>.</summary>
    public int PerPage { get; init; } = MaxPerPage;

    /// <summary>Only cases in these statuses (new, open, pending, resolved, closed); empty for all.</summary>
    public IReadOnlyList<string> Status { get; init; } = [];

    /// <summary>Only cases updated (or created, see <see cref="SinceField"/>) at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Which time <see cref="Since"/> compares.</summary>
    public DeskSinceField SinceField { get; init; } = DeskSinceField.Updated;

    /// <summary>
    /// The most pages one pull follows (100,000 by default: ten million cases at 100 a page); past it the pull stops
    /// as a paging loop. The first page's <c>total_entries</c> caps it further (see <see cref="DeskCasePager"/>).
    /// </summary>
    public int MaxPages { get; init; } = 100_000;

    /// <summary>Whether each case carries its <c>custom_fields</c> (normalised by the site's field types).</summary>
    public bool IncludeCustomFields { get; init; }

    /// <summary>The first page's path and query, e.g. <c>/api/v2/cases?page=1&amp;per_page=100</c>.</summary>
    public string FirstPage()
    {
        if (PerPage is < 1 or > MaxPerPage)
            throw new ArgumentOutOfRangeException(nameof(PerPage), PerPage, $"Desk serves 1 to {MaxPerPage} cases per page.");
        if (MaxPages < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxPages), MaxPages, "A pull follows at least one page.");
        var filters = new StringBuilder();
        if (Status.Count > 0)
            filters.Append("status=").Append(Uri.EscapeDataString(string.Join(",", Status.Select(s => s.Trim().ToLowerInvariant()).Distinct()))).Append('&');
        if (Since is { } since)
            filters.Append(SinceField == DeskSinceField.Created ? "since_created_at=" : "since_updated_at=")
                .Append(since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('&');
        var path = filters.Length == 0 ? "/api/v2/cases?" : "/api/v2/cases/search?" + filters;
        return path + $"page=1&per_page={PerPage.ToString(CultureInfo.InvariantCulture)}";
    }
}
