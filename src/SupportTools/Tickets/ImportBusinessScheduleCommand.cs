using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Reads business-hours schedules from JSON files (effective-dated versions for schedule changes, holidays).</para>
/// </summary>
[Cmdlet(VerbsData.Import, "BusinessSchedule", DefaultParameterSetName = PathSet)]
[OutputType(typeof(BusinessSchedule))]
public sealed class ImportBusinessScheduleCommand : SupportToolsCmdlet
{
    private const string PathSet = "Path", LiteralPathSet = "LiteralPath";

    /// <summary>The schedule files (wildcards allowed).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>The schedule files, taken literally; binds <c>PSPath</c> from <c>Get-ChildItem</c>.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <inheritdoc />
    protected override void OnRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var file in (literal ? LiteralPath : Path).SelectMany(p => Paths.InputFiles(p, literal, false, "*.json")))
        {
            try
            {
                WriteVerbose($"Reading schedule '{file}'.");
                WriteObject(TicketService.ImportBusinessSchedule(file));
            }
            catch (Exception exception) when (ErrorRecords.From(exception, file, ErrorRecords.InvalidScheduleFile) is { } error)
            {
                WriteError(error);
            }
        }
    }
}
