using System.Globalization;

namespace SupportTools.Http;

/// <summary>
/// An answer bigger than <see cref="ServiceClientOptions.MaxResponseBytes"/>, on the wire or once decompressed: reading
/// stopped at the limit, so a huge body or a compression bomb costs at most the limit in memory.
/// </summary>
internal sealed class AnswerTooLargeException(long limit, long? declared, bool decompressed)
    : Exception(Describe(limit, declared, decompressed))
{
    public long Limit { get; } = limit;

    private static string Describe(long limit, long? declared, bool decompressed) => declared is { } length
        ? $"the answer declares {Size(length)} (Content-Length), more than the {Size(limit)} allowed per answer"
        : decompressed
            ? $"the answer grew past the {Size(limit)} allowed per answer when decompressed (a compression bomb, or a page far too big)"
            : $"the answer is larger than the {Size(limit)} allowed per answer";

    /// <summary>A byte count as people read it: <c>64 MiB</c>, <c>1.5 GiB</c>, <c>512 bytes</c>.</summary>
    internal static string Size(long bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes" : value.ToString("0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
