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
        var progress = new CmdletReporter(this, "Reading ticket activity", "activities");
        var found = new HashSet<long>();
        long count = 0;
        try
        {
            foreach (var activity in _store!.GetActivities(TicketId, CancellationToken))
            {
                progress.Progress(DatabasePath, ++count, null);
                if (TicketId is not null) found.Add(activity.TicketId); // only asked-for ids are checked
                WriteObject(activity);
            }
            if (TicketId is not null) WarnAboutMissing(TicketId, found);
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => _store?.Dispose();
}
