namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.Delay"/>.</summary>
internal sealed record DelayFault(TimeSpan Duration) : Fault
{
    public override string Name => $"Delay({Duration.TotalMilliseconds:0} ms)";

    internal override async Task ApplyAsync(FaultTarget target)
    {
        var body = await target.RunHandlerCapturedAsync();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(target.Http.RequestAborted, target.Stopping);
        try
        {
            await Task.Delay(Duration, wait.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping: nobody is waiting for the answer.
            target.Abort();
            return;
        }
        target.Http.Response.ContentLength = body.Length;
        await target.Http.Response.Body.WriteAsync(body, target.Http.RequestAborted);
    }
}
