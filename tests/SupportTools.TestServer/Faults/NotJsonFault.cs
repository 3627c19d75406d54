using Microsoft.AspNetCore.Http;

namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.NotJson"/>.</summary>
internal sealed record NotJsonFault : Fault
{
    public override string Name => "NotJson";

    internal override Task ApplyAsync(FaultTarget target)
    {
        var response = target.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync("<html><head><title>Maintenance</title></head><body><h1>Back soon</h1></body></html>", target.Http.RequestAborted);
    }
}
