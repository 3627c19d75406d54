using System.Text.Json.Nodes;

namespace SupportTools.Close;

/// <summary>
/// One lead to create: the valid rows that share a cleaned company name, as Close's own importer merges them: one
/// contact per row that names a contact (identical contacts once), each distinct address once, and each custom field
/// from the first row that has a value (a different value in a later row is reported, not sent).
/// </summary>
internal sealed class CloseLeadPlan
{
    private CloseLeadPlan(string name) => Name = name;

    /// <summary>The lead's name (the cleaned company).</summary>
    public string Name { get; }

    /// <summary>The rows, in input order.</summary>
    public IReadOnlyList<CloseLeadDraft> Rows => _rows;

    private readonly List<CloseLeadDraft> _rows = [];

    /// <summary>Groups valid drafts by name, in order of each name's first row.</summary>
    public static List<CloseLeadPlan> Group(IEnumerable<CloseLeadDraft> drafts)
    {
        var plans = new List<CloseLeadPlan>();
        var byName = new Dictionary<string, CloseLeadPlan>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            if (!draft.IsValid || draft.Name is null) continue;
            if (!byName.TryGetValue(draft.Name, out var plan))
            {
                byName[draft.Name] = plan = new CloseLeadPlan(draft.Name);
                plans.Add(plan);
            }
            plan._rows.Add(draft);
        }
        return plans;
    }

    /// <summary>
    /// The custom values of the lead, by column: Revenue, Founded and the non-standard columns, the first row's value
    /// winning. <paramref name="conflict"/> hears of each later row that disagrees.
    /// </summary>
    internal Dictionary<string, object> CustomValues(Action<string>? conflict = null)
    {
        var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        void Offer(CloseLeadDraft row, string column, object? value)
        {
            if (value is null) return;
            if (!values.TryGetValue(column, out var first)) values[column] = value;
            else if (!Equals(first, value))
                conflict?.Invoke($"{Name}: row {row.Row} gives {column} '{value}', but an earlier row gave '{first}'; the lead gets '{first}'.");
        }
        foreach (var row in Rows)
        {
            Offer(row, CloseLeadColumns.Revenue, row.Revenue);
            Offer(row, CloseLeadColumns.Founded, row.Founded);
            foreach (var (column, value) in row.CustomValues) Offer(row, column, value);
        }
        return values;
    }

    /// <summary>
    /// The body of <c>POST /api/v1/lead/</c>: name, contacts (name, title, emails and phones typed <c>office</c>),
    /// addresses (<c>business</c>) and <c>custom.cf_…</c> values by field id (<paramref name="fieldIds"/>: column → id).
    /// </summary>
    internal JsonObject ToJson(IReadOnlyDictionary<string, string> fieldIds, Action<string>? conflict = null)
    {
        var contacts = new JsonArray();
        var seenContacts = new HashSet<string>(StringComparer.Ordinal);
        var addresses = new JsonArray();
        var seenAddresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            if ((row.ContactName ?? row.Email ?? row.Phone) is not null && seenContacts.Add($"{row.ContactName}\n{row.Title}\n{row.Email}\n{row.Phone}"))
            {
                var contact = new JsonObject();
                if (row.ContactName is not null) contact["name"] = row.ContactName;
                if (row.Title is not null) contact["title"] = row.Title;
                if (row.Email is not null) contact["emails"] = new JsonArray(new JsonObject { ["email"] = row.Email, ["type"] = "office" });
                if (row.Phone is not null) contact["phones"] = new JsonArray(new JsonObject { ["phone"] = row.Phone, ["type"] = "office" });
                contacts.Add(contact);
            }
            if ((row.Address ?? row.City ?? row.State ?? row.Zip ?? row.Country) is not null
                && seenAddresses.Add($"{row.Address}\n{row.City}\n{row.State}\n{row.Zip}\n{row.Country}"))
            {
                var address = new JsonObject { ["label"] = "business" };
                if (row.Address is not null) address["address_1"] = row.Address;
                if (row.City is not null) address["city"] = row.City;
                if (row.State is not null) address["state"] = row.State;
                if (row.Zip is not null) address["zipcode"] = row.Zip;
                if (row.Country is not null) address["country"] = row.Country;
                addresses.Add(address);
            }
        }
        var lead = new JsonObject { ["name"] = Name };
        if (contacts.Count > 0) lead["contacts"] = contacts;
        if (addresses.Count > 0) lead["addresses"] = addresses;
        foreach (var (column, value) in CustomValues(conflict))
            lead[$"custom.{fieldIds[column]}"] = value is decimal amount ? JsonValue.Create(amount) : JsonValue.Create((string)value);
        return lead;
    }
}
