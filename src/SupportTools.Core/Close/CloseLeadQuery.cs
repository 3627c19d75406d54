using System.Globalization;
using System.Text.Json;
using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// The leads founded in a date range (the use case behind <c>Get-CloseLead</c>): resolves the Founded and Revenue
/// custom fields by name, then one Advanced Filtering search whose pages carry name, address and both fields
/// (<c>_fields</c>), so there is no request per lead.
/// </summary>
internal static class CloseLeadQuery
{
    /// <summary>Emits the leads founded between <paramref name="from"/> and <paramref name="to"/> (inclusive; either may be open).</summary>
    public static async Task RunAsync(ServiceClientOptions options, IReadOnlyDictionary<string, string>? customFieldMap, DateOnly? from, DateOnly? to,
        IOperationReporter reporter, Action<CloseLead> emit, CancellationToken cancellationToken)
    {
        using var client = new ServiceClient(options, reporter);
        var api = new CloseApi(client);
        var ids = CloseCustomFields.Resolve(CloseLeadColumns.CustomFields, await api.CustomFieldsAsync(cancellationToken).ConfigureAwait(false), customFieldMap);
        var (foundedId, revenueId) = (ids[CloseLeadColumns.Founded], ids[CloseLeadColumns.Revenue]);
        var count = 0;
        await foreach (var lead in api.LeadsFoundedAsync(foundedId, from, to, [revenueId, foundedId], cancellationToken).ConfigureAwait(false))
        {
            emit(FromJson(lead, revenueId, foundedId));
            reporter.Progress("Reading leads", ++count, null);
        }
        reporter.Verbose($"Close: {count:N0} leads founded {(from is null ? "" : $"from {from:yyyy-MM-dd} ")}{(to is null ? "" : $"to {to:yyyy-MM-dd}")}.");
    }

    /// <summary>A lead from a search result: the first address gives state and city; custom values by field id.</summary>
    internal static CloseLead FromJson(JsonElement lead, string revenueId, string foundedId)
    {
        string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var address = lead.TryGetProperty("addresses", out var addresses) && addresses.ValueKind == JsonValueKind.Array && addresses.GetArrayLength() > 0
            ? addresses[0] : default;
        decimal? revenue = null;
        if (lead.TryGetProperty($"custom.{revenueId}", out var amount))
            revenue = amount.ValueKind switch
            {
                JsonValueKind.Number => amount.TryGetDecimal(out var number) ? number : null,
                JsonValueKind.String => LeadRevenue.Parse(amount.GetString()!, out _),
                _ => null,
            };
        var founded = Text(lead, $"custom.{foundedId}");
        if (founded is { Length: > 10 } && DateTime.TryParse(founded, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
            founded = time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CloseLead
        {
            LeadId = Text(lead, "id") ?? "",
            Name = Text(lead, "name") ?? Text(lead, "display_name"),
            State = Text(address, "state"),
            City = Text(address, "city"),
            Revenue = revenue,
            Founded = founded,
        };
    }
}
