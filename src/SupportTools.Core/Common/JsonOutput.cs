using System.Text.Encodings.Web;

namespace SupportTools;

/// <summary>JSON settings shared by every writer in the module.</summary>
internal static class JsonOutput
{
    /// <summary>
    /// Leaves non-ASCII text readable (names, addresses) instead of \u-escaping it; the files are UTF-8
    /// and never embedded in HTML, which is what the default encoder guards against.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
