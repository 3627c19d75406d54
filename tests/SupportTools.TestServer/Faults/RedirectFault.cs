namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.Redirect"/>.</summary>
internal sealed record RedirectFault(int StatusCode, string Location) : Fault
{
    public override string Name => $"Redirect({StatusCode} to {Location})";

    internal override Task ApplyAsync(FaultTarget target)
    {
        target.Http.Response.StatusCode = StatusCode;
        target.Http.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
