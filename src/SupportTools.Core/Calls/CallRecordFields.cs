namespace SupportTools.Calls;

/// <summary>Reads a <see cref="CallRecord"/> from named values (kept out of the public type, which lives in SupportTools.Model).</summary>
internal static class CallRecordFields
{
    /// <summary>
    /// The record that named values describe, read as a CSV file's row is (names as headers: <c>call_id</c> or
    /// <c>CallId</c>…, other names ignored; times invariantly, <c>CallTimeIso</c> before <c>CallTime</c>): an
    /// <c>Import-Csv</c> row of <c>Get-CallRecord | Export-Csv</c>'s file, or any object's properties. Zone ids are kept as
    /// given (the importing store derives missing or unknown ones). A value that cannot be read is an
    /// <see cref="InputFormatException"/> naming the field.
    /// </summary>
    internal static CallRecord FromFields(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        try
        {
            return CallRecordConverter.ForThisThread.FromFields(fields);
        }
        catch (CallFieldException exception)
        {
            throw new InputFormatException(exception.Message, field: exception.Field == CallField.None ? null : CallFields.NameOf(exception.Field),
                inner: exception);
        }
    }
}
