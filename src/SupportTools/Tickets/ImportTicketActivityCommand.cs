using System.Management.Automation;
using SupportTools.Storage;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Imports Freshdesk ticket-activity export files, or piped activities, into the SQLite store.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "TicketActivity", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(ImportSummary))]
public sealed class ImportTicketActivityCommand : RecordImportCmdlet<TicketStore, TicketImportBatch, TicketActivity>
{
    /// <inheritdoc />
    protected override string RecordsName => "ticket activity";

    /// <inheritdoc />
    protected override string[] FilePatterns => ["*.json"];

    /// <inheritdoc />
    protected override string InvalidFileId => ErrorRecords.InvalidExportFile;

    /// <inheritdoc />
    protected override TicketStore Open(string path, IOperationReporter reporter) => TicketStore.Open(path, reporter);

    /// <inheritdoc />
    protected override void ImportFile(TicketStore store, string file, IOperationReporter progress)
    {
        var summary = TicketService.ImportFile(store, file, progress, CancellationToken);
        WriteVerbose($"'{file}': {summary.Activities:N0} activities for {summary.Tickets:N0} tickets, " +
                     $"{summary.Inserted:N0} new, {summary.Duplicates:N0} already stored, in {summary.Elapsed}.");
        if (summary.Activities > 0 && summary.Inserted == 0)
            WriteWarning($"'{file}' added nothing: all {summary.Activities:N0} activities were already in '{DatabasePath}'.");
        WriteObject(summary);
    }

    /// <inheritdoc />
    protected override TicketActivity ToRecord(PSObject input, long position) => TicketActivityInput.From(input, position);

    /// <inheritdoc />
    protected override TicketImportBatch BeginImport(TicketStore store) => TicketService.BeginImport(store);

    /// <inheritdoc />
    protected override void Add(TicketImportBatch batch, TicketActivity record) => batch.Add(record);

    /// <inheritdoc />
    protected override void Commit(TicketImportBatch batch)
    {
        var summary = batch.Commit();
        WriteVerbose($"Imported {summary.Activities:N0} piped activities: {summary.Inserted:N0} new, {summary.Duplicates:N0} already stored.");
        WriteObject(summary);
    }
}
