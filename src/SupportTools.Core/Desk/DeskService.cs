using System.Text.Json;
using SupportTools.Http;

namespace SupportTools.Desk;

/// <summary>
/// The Desk capability's one entry point: pulls the cases of a <see cref="DeskCaseQuery"/> from a Desk site through the
/// module's HTTP layer (retries, rate-limit hints, bounded answers, same-origin redirects, secrets scrubbed from
/// errors), streaming each case to the caller as its page is read. With custom fields asked for, the site's field types
/// are read first (<c>GET /api/v2/custom_fields</c>) so every value is normalised by its field's type; a site that
/// refuses that list (404, 403) gets the values as sent and a warning.
/// </summary>
public sealed class DeskService
{
    private readonly ServiceClientOptions _options;

    /// <summary>A service for the Desk site at <paramref name="options"/>' address, signing as its signer.</summary>
    public DeskService(ServiceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// Pulls the cases, passing each to <paramref name="emit"/> as it is read and each entry that is not a valid case to
    /// <paramref name="badEntry"/> (null: such an entry stops the pull). Throws <see cref="ServiceException"/> when a
    /// request fails for good, <see cref="DeskPageException"/> for a page that cannot be used or a pull that would not end.
    /// </summary>
    public async Task PullCasesAsync(DeskCaseQuery query, IOperationReporter reporter, Action<DeskCase> emit,
        Action<DeskPageException>? badEntry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        reporter ??= NullReporter.Instance;
        using var client = new ServiceClient(_options, reporter);
        Task<JsonDocument> Fetch(Uri page, CancellationToken token) => client.GetJsonAsync(page.AbsoluteUri, token);
        IReadOnlyDictionary<string, DeskCustomFieldType>? fieldTypes = null;
        if (query.IncludeCustomFields)
        {
            try
            {
                fieldTypes = await DeskCustomFieldCatalog.LoadAsync(_options.BaseUri, Fetch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ServiceException { Failure: ServiceFailure.NotFound or ServiceFailure.PermissionDenied } or DeskPageException)
            {
                reporter.Warning($"Desk: the site's custom field list could not be read ({e.Message}); custom field values are kept as the API sent them, so one field may hold both false and \"0\".");
            }
        }
        await DeskCasePager.PullAsync(_options.BaseUri, query, fieldTypes, Fetch, reporter, emit, badEntry, cancellationToken).ConfigureAwait(false);
    }
}
