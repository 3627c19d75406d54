namespace SupportTools.Calls;

/// <summary>The CDR fields an import reads (the others are ignored), named in files as <see cref="CallFields.Names"/>.</summary>
internal enum CallField
{
    None, CallId, CallTime, Timestamp, CallDirection, DurationSeconds, BillingSeconds, RingingSeconds, CallerIdNumber,
    CallerIdName, CalleeIdNumber, HangupCause, Unanswered, CallerZoneId, CalleeZoneId,
}
