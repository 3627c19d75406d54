using System.Collections;
using System.Management.Automation;
using SupportTools.Close;

namespace SupportTools.Commands.Close;

/// <summary>
/// <para type="synopsis">Cleans lead rows (from Import-Csv or any object with lead columns) into Close lead drafts.</para>
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "CloseLead")]
[OutputType(typeof(CloseLeadDraft))]
public sealed class ConvertToCloseLeadCommand : SupportToolsCmdlet
{
    private CloseLeadCleaner? _cleaner;
    private Dictionary<string, string>? _map;
    private long _row;

    /// <summary>Rows with lead columns (Company, Contact, Title, Email, Phone, Address, City, State, Zip, Country, Revenue, Founded; case-insensitive).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Other column names for the lead columns: <c>@{Company='Organisation'; Contact='Full Name'}</c>.</summary>
    [Parameter]
    public Hashtable? Map { get; set; }

    /// <summary>Exact .NET date formats for Founded (e.g. <c>d/M/yyyy</c> for day-first files); they replace the numeric guesses.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? DateFormat { get; set; }

    /// <summary>The region (ISO 3166 two-letter code) of phone numbers written without a country code; default US.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PhoneRegionCompleter))]
    public string DefaultRegion { get; set; } = "US";

    /// <inheritdoc />
    protected override void OnBegin()
    {
        try
        {
            (_cleaner, _map) = CloseLeadInput.Cleaning(Map, DateFormat, DefaultRegion);
        }
        catch (InvalidRequestException exception)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(exception.Message, null));
        }
    }

    /// <inheritdoc />
    protected override void OnRecord() => UnexpectedErrorGuard.Run(this, () =>
    {
        if (InputObject?.BaseObject is null) return;
        _row++;
        if (InputObject.BaseObject is CloseLeadDraft draft)
        {
            WriteObject(draft); // already clean
            return;
        }
        try
        {
            var cleaned = _cleaner!.Clean(CloseLeadInput.From(InputObject, _row, _map));
            if (!cleaned.IsValid) WriteVerbose($"Row {_row}: {cleaned.Problems}.");
            WriteObject(cleaned);
        }
        catch (InvalidRequestException exception)
        {
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Message, record: _row, item: InputObject), ErrorRecords.InvalidInputObject));
        }
    });
}
