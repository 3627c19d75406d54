using System.Management.Automation;
using SupportTools.Close;

namespace SupportTools.Commands.Close;

/// <summary>
/// <para type="synopsis">Segments leads by state: count, total, median and average revenue, and the top lead.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "CloseLead")]
[OutputType(typeof(CloseLeadSegment))]
public sealed class MeasureCloseLeadCommand : SupportToolsCmdlet
{
    private readonly CloseLeadSegmenter _segmenter = new();
    // Drafts are rows: rows of one company are one lead, as Import-CloseLead creates it (first state and revenue given).
    private readonly Dictionary<string, (string? State, decimal? Revenue)> _draftLeads = new(StringComparer.Ordinal);
    private long _row;

    /// <summary>
    /// Leads: <c>CloseLead</c> objects from Get-CloseLead, valid drafts from ConvertTo-CloseLead, or rows with Name
    /// (or Company), State and Revenue columns (e.g. from <c>Import-Csv</c>).
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>What to segment by; State (the only one so far, and the default).</summary>
    [Parameter(Position = 0)]
    [ValidateSet("State")]
    public string By { get; set; } = "State";

    /// <inheritdoc />
    protected override void OnRecord() => UnexpectedErrorGuard.Run(this, () =>
    {
        if (InputObject?.BaseObject is null) return;
        _row++;
        try
        {
            switch (InputObject.BaseObject)
            {
                case CloseLead lead:
                    _segmenter.Add(lead.Name, lead.State, lead.Revenue);
                    break;
                case CloseLeadDraft { IsValid: false } draft:
                    throw new InputFormatException($"the draft of row {draft.Row} is not a valid lead: {draft.Problems}", record: _row);
                case CloseLeadDraft draft:
                    var known = _draftLeads.GetValueOrDefault(draft.Name!);
                    _draftLeads[draft.Name!] = (known.State ?? draft.State, known.Revenue ?? draft.Revenue);
                    break;
                default:
                    _segmenter.Add(Value("Name") as string ?? Value("Company") as string, Value("State") as string, Value("Revenue"), _row);
                    break;
            }
        }
        catch (InputFormatException exception)
        {
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Reason, field: exception.Field, record: _row, item: InputObject),
                ErrorRecords.InvalidInputObject));
        }
    });

    /// <inheritdoc />
    protected override void OnEnd() => UnexpectedErrorGuard.Run(this, () =>
    {
        foreach (var (name, lead) in _draftLeads)
            _segmenter.Add(name, lead.State, lead.Revenue);
        foreach (var segment in _segmenter.Segments())
            WriteObject(segment);
    });

    private object? Value(string name) => InputObject!.Properties[name]?.Value is { } value ? value is PSObject wrapped ? wrapped.BaseObject : value : null;
}
