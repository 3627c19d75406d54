using System.Globalization;
using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// Turns what users pipe into ticket activities: our own <see cref="TicketActivity"/> objects as they are, and rows
/// that carry the activity columns (from <c>Import-Csv</c>, or <c>Select-Object</c> over activities) rebuilt by Core.
/// </summary>
internal static class TicketActivityInput
{
    /// <summary>The activity <paramref name="input"/> stands for; <see cref="InputFormatException"/> when it is none.</summary>
    public static TicketActivity From(PSObject input, long? row)
    {
        if (input.BaseObject is TicketActivity activity) return activity;
        var missing = TicketActivityColumns.Required.Where(name => input.Properties[name] is null).ToArray();
        if (missing.Length > 0)
            throw new InputFormatException(
                $"a {input.BaseObject.GetType().Name} is not a ticket activity: expected TicketActivity objects or rows with the columns " +
                $"{string.Join(", ", TicketActivityColumns.Required)} (and PerformerId); missing {string.Join(", ", missing)}.",
                record: row, item: input);
        return TicketActivityColumns.Parse(Text(input, "TicketId"), Text(input, "PerformedAt"), Text(input, "PerformerType"),
            Text(input, "PerformerId"), Text(input, "Activity"), row, input);
    }

    private static string? Text(PSObject input, string name) => input.Properties[name]?.Value switch
    {
        null => null,
        PSObject wrapped => Convert.ToString(wrapped.BaseObject, CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTime time => throw new InputFormatException($"PerformedAt is a DateTime without an offset ({time:O}); give a DateTimeOffset or text with an offset.", field: name, item: input),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
