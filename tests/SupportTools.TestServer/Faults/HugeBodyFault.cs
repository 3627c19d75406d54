using Microsoft.AspNetCore.Http;

namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.HugeBody"/>.</summary>
internal sealed record HugeBodyFault(long Bytes, bool DeclareLength) : Fault
{
    private static readonly byte[] Chunk = System.Text.Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));

    public override string Name => $"HugeBody({Bytes} bytes{(DeclareLength ? "" : ", chunked")})";

    internal override async Task ApplyAsync(FaultTarget target)
    {
        var response = target.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        if (DeclareLength) response.ContentLength = Bytes;
        long written = 0;
        try
        {
            // Valid JSON (a list, then blanks) so only the size can be the problem.
            await response.Body.WriteAsync("[]"u8.ToArray(), target.Http.RequestAborted);
            written = 2;
            // Writes after the client left complete without error in Kestrel: stop as soon as it has gone.
            while (written < Bytes && !target.Http.RequestAborted.IsCancellationRequested)
            {
                var size = (int)Math.Min(Chunk.Length, Bytes - written);
                await response.Body.WriteAsync(Chunk.AsMemory(0, size), target.Http.RequestAborted);
                written += size;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client stopped reading and closed the connection.
        }
    }
}
