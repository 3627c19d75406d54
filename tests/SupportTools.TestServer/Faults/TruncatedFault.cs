namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.Truncated"/>.</summary>
internal sealed record TruncatedFault : Fault
{
    public override string Name => "Truncated";

    internal override async Task ApplyAsync(FaultTarget target)
    {
        var body = await target.RunHandlerCapturedAsync();
        if (body.Length < 2) body = [.. body, (byte)' ', (byte)' ']; // room to send some of it and not all
        var response = target.Http.Response;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), target.Http.RequestAborted);
        // Ending with fewer bytes than the Content-Length (but some) makes Kestrel send what was written and then close
        // the connection, since the client cannot know where the response ends: exactly a body cut off in transit.
    }
}
