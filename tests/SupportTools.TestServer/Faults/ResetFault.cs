namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.Reset"/>.</summary>
internal sealed record ResetFault : Fault
{
    public override string Name => "Reset";

    internal override Task ApplyAsync(FaultTarget target)
    {
        target.Abort();
        return Task.CompletedTask;
    }
}
