namespace SupportTools.Storage;

/// <summary>
/// UTF-8 text in a <see cref="PinnedBuffer"/>: memory the GC never moves, which is what
/// <see cref="SqliteStatement.BindPinnedUtf8"/> requires, since SQLite reads the text in place until the statement runs.
/// Only a pinned buffer makes one, so an ordinary array (which the GC may move mid-insert, as a test once found) cannot
/// be bound that way by mistake; it reads as a plain span wherever text is only looked at.
/// </summary>
internal readonly ref struct PinnedUtf8
{
    private readonly ReadOnlySpan<byte> _bytes;

    internal PinnedUtf8(ReadOnlySpan<byte> pinned) => _bytes = pinned;

    /// <summary>The bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Bytes held.</summary>
    public int Length => _bytes.Length;

    /// <summary>Part of the text, still pinned.</summary>
    public PinnedUtf8 Slice(int start, int length) => new(_bytes.Slice(start, length));

    /// <summary>The bytes, for code that only reads them.</summary>
    public static implicit operator ReadOnlySpan<byte>(PinnedUtf8 text) => text._bytes;
}
