using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.GzipBomb"/>.</summary>
internal sealed record GzipBombFault(long ExpandedBytes) : Fault
{
    private const int MemberSize = 1024 * 1024;

    /// <summary>One gzip member holding 1 MiB of zeros (about 1 KiB): a gzip stream may be several members back to back.</summary>
    private static readonly Lazy<byte[]> Member = new(() =>
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(new byte[MemberSize]);
        return packed.ToArray();
    });

    public override string Name => $"GzipBomb({ExpandedBytes} bytes expanded)";

    internal override async Task ApplyAsync(FaultTarget target)
    {
        var response = target.Http.Response;
        var members = (ExpandedBytes + MemberSize - 1) / MemberSize;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers.ContentEncoding = "gzip";
        response.ContentLength = members * Member.Value.Length;
        try
        {
            for (var i = 0; i < members && !target.Http.RequestAborted.IsCancellationRequested; i++)
                await response.Body.WriteAsync(Member.Value, target.Http.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client stopped reading: nothing more to send.
        }
    }
}
