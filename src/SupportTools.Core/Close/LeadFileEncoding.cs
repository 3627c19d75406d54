using System.Globalization;
using System.Text;

namespace SupportTools.Close;

/// <summary>
/// The text encoding of a lead CSV, decided before it is read: the one the caller names (<c>-Encoding</c>), else the
/// one a byte-order mark names, else UTF-8 when every byte sequence in the file is valid UTF-8, else the system's ANSI
/// code page (Windows-1252 where none is known): what Excel's "CSV (Comma delimited)" writes on a Western Windows.
/// A file in a legacy code page almost never happens to be valid UTF-8 (é is one byte 0xE9 there, which UTF-8 only
/// allows as the lead byte of a three-byte sequence), so the check is reliable for real files.
/// </summary>
internal static class LeadFileEncoding
{
    /// <summary>The encoding to read <paramref name="path"/> with, and how it was chosen (for -Verbose).</summary>
    public static (Encoding Encoding, string How) Detect(string path, Encoding? given)
    {
        if (given is not null) return (given, $"{given.WebName} (as -Encoding says)");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> start = stackalloc byte[4];
        var read = stream.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        if (Bom(start[..read]) is { } marked) return (marked, $"{marked.WebName} (byte-order mark)");
        stream.Position = 0;
        if (IsUtf8(stream)) return (new UTF8Encoding(false), "utf-8");
        var ansi = Ansi();
        return (ansi, $"{ansi.WebName} (not valid UTF-8: read in the system's ANSI code page; give -Encoding if it is another)");
    }

    /// <summary>
    /// An encoding by name (<c>utf-8</c>, <c>windows-1252</c>, <c>latin1</c>, <c>utf-16</c>) or code page number
    /// (<c>1252</c>, <c>65001</c>); <see cref="InvalidRequestException"/> naming the value otherwise.
    /// </summary>
    public static Encoding Named(string name)
    {
        try
        {
            var encoding = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage)
                ? CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage)
                : CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
            // UTF-8 without a byte-order mark (a file's own mark is still honoured by the reader).
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new InvalidRequestException($"-Encoding '{name}' is not an encoding .NET knows: give a name such as utf-8, windows-1252 or latin1, or a code page number such as 1252.", name, e);
        }
    }

    private static Encoding? Bom(ReadOnlySpan<byte> start) => start switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(true),
        [0xFF, 0xFE, 0x00, 0x00] => Encoding.UTF32,
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    /// <summary>Whether the rest of <paramref name="stream"/> decodes as UTF-8 without a single invalid sequence (read in blocks).</summary>
    private static bool IsUtf8(Stream stream)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true); // a sequence cut off at the end is invalid too
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The ANSI code page of the current culture (1252 for Western European and US English), else Windows-1252.</summary>
    private static Encoding Ansi()
    {
        var codePage = CultureInfo.CurrentCulture.TextInfo.ANSICodePage;
        return (codePage > 0 ? CodePagesEncodingProvider.Instance.GetEncoding(codePage) : null)
            ?? CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    }
}
