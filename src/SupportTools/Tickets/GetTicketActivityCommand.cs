using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Reads ticket activities back from the SQLite store.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TicketActivity")]
[OutputType(typeof(TicketActivity))]
public sealed class GetTicketActivityCommand : StoreCmdlet
{
    private TicketStore? _store;

    // The tickets whose history was already written: piped activities (or durations) name a ticket once per object,
    // and each ticket's history is written once, at its first mention, so the output still streams.
    private readonly HashSet<long> _written = [];

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter]
    public string? Database { get; set; }

    /// <summary>Only these tickets; binds <c>TicketId</c> from piped objects such as durations.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public long[]? TicketId { get; set; }

    /// <inheritdoc />
    protected override string? DatabaseArgument => Database;

    /// <inheritdoc />
    protected override void OnBegin() => _store = OpenForReading((path, reporter) => TicketStore.OpenReadOnly(path, reporter));

    /// <inheritdoc />
    protected override void OnRecord()
    {
        var ticketIds = TicketId?.Where(_written.Add).ToArray();
        if (ticketIds is { Length: 0 }) return; // every ticket named here was written already
        var progress = new CmdletReporter(this, "Reading ticket activity", "activities");
        var found = new HashSet<long>();
        long count = 0;
        try
        {
            foreach (var activity in _store!.GetActivities(ticketIds, CancellationToken))
            {
                progress.Progress(DatabasePath, ++count, null);
                if (ticketIds is not null) found.Add(activity.TicketId); // only asked-for ids are checked
                WriteObject(activity);
            }
            if (ticketIds is not null) WarnAboutMissing(ticketIds, found);
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => _store?.Dispose();
}
