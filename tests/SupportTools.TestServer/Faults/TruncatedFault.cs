namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.Truncated"/>.</summary>
internal sealed record TruncatedFault : Fault
{
    public override string Name => "Truncated";

    internal override async Task ApplyAsync(FaultTarget target)
    {
        var body = await target.RunHandlerCapturedAsync();
        var response = target.Http.Response;
        response.ContentLength = Math.Max(body.Length, 1);
        await response.StartAsync(target.Http.RequestAborted);
        await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), target.Http.RequestAborted);
        await response.Body.FlushAsync(target.Http.RequestAborted);
        // A flush hands the bytes to Kestrel's sender, not yet to the socket: give it a moment, so the client reads the
        // headers and half the body before the connection goes.
        await Task.WhenAny(Task.Delay(TimeSpan.FromMilliseconds(50), target.Stopping));
        target.Abort();
    }
}
