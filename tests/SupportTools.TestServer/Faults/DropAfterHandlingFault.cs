namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.DropAfterHandling"/>.</summary>
internal sealed record DropAfterHandlingFault : Fault
{
    public override string Name => "DropAfterHandling";

    internal override async Task ApplyAsync(FaultTarget target)
    {
        await target.RunHandlerCapturedAsync();
        target.Abort();
    }
}
