using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// Converts rows that carry the activity columns (<c>TicketId, PerformedAt, PerformerType, PerformerId, Activity</c>, e.g.
/// from <c>Import-Csv</c>) to <see cref="TicketActivity"/>, registered for the type in SupportTools.types.ps1xml. With it a
/// CSV row binds to a <c>TicketActivity</c> parameter by value, before PowerShell tries <c>-TicketId</c> by property name.
/// Objects without those columns (a duration, a string) are not convertible, so they still bind as before.
/// </summary>
public sealed class TicketActivityConverter : PSTypeConverter
{
    /// <inheritdoc />
    public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
        destinationType == typeof(TicketActivity) && sourceValue is PSObject row && row.BaseObject is not TicketActivity
        && TicketActivityColumns.Required.All(name => row.Properties[name] is not null);

    /// <inheritdoc />
    public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        TicketActivityInput.From((PSObject)sourceValue, row: null);

    /// <inheritdoc />
    public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

    /// <inheritdoc />
    public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        throw new InvalidCastException($"A TicketActivity does not convert to {destinationType}.");
}
