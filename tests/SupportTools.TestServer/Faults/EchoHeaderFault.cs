using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.EchoHeader"/>.</summary>
internal sealed record EchoHeaderFault(string Header, int StatusCode) : Fault
{
    public override string Name => $"EchoHeader({Header}, {StatusCode})";

    internal override Task ApplyAsync(FaultTarget target)
    {
        var said = target.Http.Request.Headers[Header].ToString();
        target.Http.Response.StatusCode = StatusCode;
        target.Http.Response.ContentType = "application/json";
        // Crossbar's envelope (cb_context:add_system_error), with the header's value where a careless server puts it.
        return target.Http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            data = new { message = $"token {said} is not valid here" },
            error = StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            message = $"refused {Header}: {said}",
            status = "error",
        }), target.Http.RequestAborted);
    }
}
