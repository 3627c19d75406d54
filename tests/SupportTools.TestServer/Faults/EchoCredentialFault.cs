using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.EchoCredential"/>.</summary>
internal sealed record EchoCredentialFault(bool Decoded) : Fault
{
    public override string Name => Decoded ? "EchoCredential(decoded)" : "EchoCredential";

    internal override Task ApplyAsync(FaultTarget target)
    {
        var header = target.Http.Request.Headers.Authorization.ToString();
        var said = header;
        if (Decoded && header.StartsWith("Basic ", StringComparison.Ordinal))
            said = "user and password " + System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        target.Http.Response.StatusCode = 401;
        target.Http.Response.ContentType = "application/json";
        return target.Http.Response.WriteAsync(JsonSerializer.Serialize(new { message = "bad credentials: " + said }), target.Http.RequestAborted);
    }
}
