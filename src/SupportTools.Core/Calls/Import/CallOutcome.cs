namespace SupportTools.Calls;

/// <summary>
/// Whether a call was answered, when its CDR does not say (<c>unanswered</c> absent): a call is unanswered when it
/// billed no second (<c>billing_seconds</c> 0: Kazoo bills from answer), or when it ended with a hangup cause that
/// means it never connected (<see cref="UnansweredCauses"/>), whatever it billed.
/// </summary>
internal static class CallOutcome
{
    /// <summary>
    /// Hangup causes (FreeSWITCH/Q.850 names, as Kazoo writes them; compared case-insensitively) of calls that never
    /// connected: nobody answered, the callee was busy or refused, the caller gave up, or the number could not be reached.
    /// </summary>
    public static IReadOnlySet<string> UnansweredCauses { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "NO_ANSWER", "NO_USER_RESPONSE", "ORIGINATOR_CANCEL", "USER_BUSY", "CALL_REJECTED", "LOSE_RACE",
        "UNALLOCATED_NUMBER", "NO_ROUTE_DESTINATION", "NO_ROUTE_TRANSIT_NET", "INVALID_NUMBER_FORMAT",
        "SUBSCRIBER_ABSENT", "USER_NOT_REGISTERED", "DESTINATION_OUT_OF_ORDER", "NUMBER_CHANGED",
        "NORMAL_TEMPORARY_FAILURE", "NETWORK_OUT_OF_ORDER", "RECOVERY_ON_TIMER_EXPIRE", "PROGRESS_TIMEOUT",
        "INCOMPATIBLE_DESTINATION", "OUTGOING_CALL_BARRED", "INCOMING_CALL_BARRED",
    };

    /// <summary>The derived <c>unanswered</c> of a call that billed <paramref name="billingSeconds"/> and ended with <paramref name="hangupCause"/>.</summary>
    public static bool IsUnanswered(long billingSeconds, string? hangupCause) =>
        billingSeconds <= 0 || (hangupCause is not null && UnansweredCauses.Contains(hangupCause));
}
