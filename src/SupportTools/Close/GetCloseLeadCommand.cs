using System.Management.Automation;
using SupportTools.Close;

namespace SupportTools.Commands.Close;

/// <summary>
/// <para type="synopsis">Gets the Close leads founded in a date range, with state and revenue, in one search.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CloseLead")]
[OutputType(typeof(CloseLead))]
public sealed class GetCloseLeadCommand : CloseCmdlet
{
    /// <summary>The first founding date (inclusive); a date or date text.</summary>
    [Parameter]
    public DateTime? From { get; set; }

    /// <summary>The last founding date (inclusive).</summary>
    [Parameter]
    public DateTime? To { get; set; }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        RequireOneKey();
        if (From > To)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError($"-From ({From:yyyy-MM-dd}) is after -To ({To:yyyy-MM-dd}).", null));
        var options = CloseOptions();
        DateOnly? from = From is { } f ? DateOnly.FromDateTime(f) : null, to = To is { } t ? DateOnly.FromDateTime(t) : null;
        var map = FieldNames;
        try
        {
            WriteAsync<CloseLead>("Reading Close leads", "leads", (reporter, emit, token) => CloseLeadQuery.RunAsync(options, map, from, to, reporter, emit, token));
        }
        catch (CloseFieldNotFoundException exception)
        {
            FieldsMissing(exception);
        }
    }
}
