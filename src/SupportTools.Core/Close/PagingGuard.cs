using System.Security.Cryptography;
using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// Stops a paged read whose server never stops saying there is more: a cursor (or offset) seen before, a page whose
/// content equals an earlier page's, or more pages than any real list has. Each ends the read with
/// <see cref="ServiceFailure.InvalidResponse"/> naming the URL, instead of requests without end. Pages are remembered
/// by a hash of their content, so a long read keeps 16 bytes a page, not the page.
/// </summary>
internal sealed class PagingGuard(int maxPages)
{
    private readonly HashSet<string> _cursors = new(StringComparer.Ordinal);
    private readonly HashSet<UInt128> _pages = [];
    private const int MaxEmptyPages = 3;
    private int _count, _emptyRun;

    /// <summary>
    /// Checks a page after which the server says there is more (<paramref name="content"/>: its items' raw JSON;
    /// <paramref name="next"/>: the cursor it points on to, or null when the caller counts offsets itself); throws when
    /// following it would loop: a page or cursor seen before, empty pages that keep saying "more", too many pages.
    /// </summary>
    public void Check(ServiceResponse response, string content, string? next)
    {
        _count++;
        var empty = content.AsSpan().Trim() is "[]" or "";
        _emptyRun = empty ? _emptyRun + 1 : 0;
        if (_emptyRun >= MaxEmptyPages)
            throw CloseAnswer.Invalid(response, $"{_emptyRun} empty pages in a row still say there is more (page {_count}), so the paging would never end; stopped");
        if (!empty && !_pages.Add(Hash(content)))
            throw CloseAnswer.Invalid(response, $"page {_count} repeats an earlier page while the server still says there is more, so the paging would never end; stopped");
        if (next is not null && !_cursors.Add(next))
            throw CloseAnswer.Invalid(response, $"page {_count} points on to a page already read (cursor '{Shorten(next)}'), so the paging would never end; stopped");
        if (_count >= maxPages)
            throw CloseAnswer.Invalid(response, $"the server still says there is more after {maxPages:N0} pages, more than any real list has; stopped");
    }

    private static UInt128 Hash(string content)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content), digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    private static string Shorten(string cursor) => cursor.Length <= 40 ? cursor : cursor[..40] + "…";
}
