using System.IO.Hashing;
using System.Text;

namespace SupportTools.Calls;

/// <summary>
/// The integer key of a <c>call_id</c>: the XxHash64 of its UTF-8. Equal ids have equal keys; two different ids with
/// one key (about one chance in 10^12 among a million calls) are told apart by the importer, which then probes the
/// next keys (see <see cref="CallImportBatch"/>).
/// </summary>
internal static class CallKey
{
    /// <summary>The key of <paramref name="callId"/> given as UTF-8.</summary>
    public static long Of(ReadOnlySpan<byte> callId) => (long)XxHash64.HashToUInt64(callId);

    /// <summary>The key of <paramref name="callId"/>.</summary>
    public static long Of(string callId)
    {
        Span<byte> buffer = stackalloc byte[256];
        var length = Encoding.UTF8.GetMaxByteCount(callId.Length);
        var bytes = length <= buffer.Length ? buffer : new byte[length];
        return Of(bytes[..Encoding.UTF8.GetBytes(callId, bytes)]);
    }
}
