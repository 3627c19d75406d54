using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Reports, per ticket, time in each status, time to first response and time to resolution.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TicketDuration", DefaultParameterSetName = StoreSet)]
[OutputType(typeof(TicketDuration))]
public sealed class GetTicketDurationCommand : SupportToolsCmdlet
{
    private const string StoreSet = "Store", InputObjectSet = "InputObject";
    private readonly List<TicketEvent> _piped = [];

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter(ParameterSetName = StoreSet)]
    public string? Database { get; set; }

    /// <summary>Only these tickets.</summary>
    [Parameter(ParameterSetName = StoreSet)]
    [ValidateNotNull]
    public long[]? TicketId { get; set; }

    /// <summary>The moment the report is taken at (default: the latest activity examined).</summary>
    [Parameter]
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>Activities to report on, in any order; no store needed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public TicketActivity? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputObjectSet && InputObject is not null)
            _piped.Add(TicketEvent.From(InputObject));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        try
        {
            var durations = ParameterSetName == InputObjectSet
                ? TicketDurationCalculator.FromUnordered(_piped, AsOf)
                : FromStore();
            foreach (var duration in durations)
                WriteObject(duration);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    private IEnumerable<TicketDuration> FromStore()
    {
        using var store = TicketStore.Open(RequireExistingDatabase(Database));
        var asOf = AsOf ?? store.LatestPerformedAt(TicketId);
        if (asOf is null)
        {
            WriteVerbose("The store holds no activity for the tickets asked for.");
            yield break;
        }
        WriteVerbose($"Computing durations as of {asOf:O}.");
        var progress = new CmdletReporter(this, "Computing ticket durations", "tickets");
        long tickets = 0;
        foreach (var duration in TicketDurationCalculator.FromOrdered(store.GetEvents(TicketId, CancellationToken), asOf.Value, CancellationToken))
        {
            progress.Progress("Reading the store", ++tickets, null);
            yield return duration;
        }
        progress.Complete();
    }
}
