namespace SupportTools.Tickets;

/// <summary>Freshdesk's built-in ticket statuses, their canonical names and accepted spellings.</summary>
internal static class TicketStatuses
{
    /// <summary>Canonical status names.</summary>
    public const string Open = "Open", Pending = "Pending", Resolved = "Resolved", Closed = "Closed",
        WaitingOnCustomer = "Waiting on Customer", WaitingOnThirdParty = "Waiting on Third Party";

    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        [Open] = Open,
        [Pending] = Pending,
        [Resolved] = Resolved,
        [Closed] = Closed,
        [WaitingOnCustomer] = WaitingOnCustomer,
        ["Waiting for Customer"] = WaitingOnCustomer,
        [WaitingOnThirdParty] = WaitingOnThirdParty,
        ["Waiting for Third Party"] = WaitingOnThirdParty,
    };

    /// <summary>
    /// The canonical name of a built-in status in any accepted spelling and case; a custom status
    /// (Freshdesk allows them) comes back trimmed but otherwise as given.
    /// </summary>
    public static string Normalize(string status)
    {
        var trimmed = status.Trim();
        return Canonical.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    /// <summary>True for Resolved and Closed, the statuses whose time does not run on.</summary>
    public static bool IsDone(string? canonicalStatus) => canonicalStatus is Resolved or Closed;
}
