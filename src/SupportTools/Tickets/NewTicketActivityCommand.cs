using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Generates realistic, reproducible Freshdesk ticket activity.</para>
/// <para type="description">Help: module/en-US/SupportTools.dll-Help.xml.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "TicketActivity", SupportsShouldProcess = true)]
[OutputType(typeof(TicketActivity), typeof(ExportSummary))]
public sealed class NewTicketActivityCommand : SupportToolsCmdlet
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    /// <summary>How many tickets to simulate.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateRange(1, int.MaxValue)]
    public int TicketCount { get; set; }

    /// <summary>Seed for reproducible output; random when omitted.</summary>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>Start of the window (default: 24 hours before -End).</summary>
    [Parameter]
    public DateTimeOffset? Start { get; set; }

    /// <summary>End of the window (default: now, or 24 hours after -Start).</summary>
    [Parameter]
    public DateTimeOffset? End { get; set; }

    /// <summary>Streams an export file here instead of emitting objects (replaced only when complete).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>With -Path: refuses to overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        var (start, end) = Window();
        var seed = Seed ?? Random.Shared.Next();
        WriteVerbose($"Simulating {TicketCount:N0} tickets from {start:O} to {end:O} with seed {seed}.");
        var generator = new TicketActivityGenerator(seed, start, end);
        if (Path is null) EmitObjects(generator);
        else WriteFile(generator, Paths.RequireOutputFile(Path, NoClobber));
    }

    private (DateTimeOffset Start, DateTimeOffset End) Window()
    {
        var end = WholeSeconds(End ?? (Start is { } s ? s + DefaultWindow : DateTimeOffset.UtcNow));
        var start = WholeSeconds(Start ?? end - DefaultWindow);
        if (end <= start)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError($"-End ({end:O}) must be later than -Start ({start:O}).", End));
        return (start, end);
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, value.Offset);

    private void EmitObjects(TicketActivityGenerator generator)
    {
        var progress = new CmdletReporter(this, "Generating ticket activity", "tickets");
        try
        {
            foreach (var activity in generator.Generate(TicketCount, progress, CancellationToken))
                WriteObject(activity);
        }
        finally
        {
            progress.Complete();
        }
    }

    private void WriteFile(TicketActivityGenerator generator, string path)
    {
        if (!ShouldProcess(path, $"Write activity for {TicketCount:N0} generated tickets")) return;
        var progress = new CmdletReporter(this, "Generating ticket activity", "tickets");
        try
        {
            // The writer stages the file beside the target: a failure or Ctrl+C leaves an existing file untouched.
            var summary = generator.WriteFile(path, TicketCount, progress, CancellationToken, NoClobber);
            WriteVerbose($"Wrote {summary.Activities:N0} activities for {summary.Tickets:N0} tickets ({summary.Bytes:N0} bytes) in {summary.Elapsed}.");
            WriteObject(summary);
        }
        catch (Exception exception) when (ErrorRecords.From(exception, path) is { } error)
        {
            ThrowTerminatingError(error);
        }
        finally
        {
            progress.Complete();
        }
    }
}
