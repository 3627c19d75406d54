using System.Text;

namespace SupportTools.Storage;

/// <summary>
/// A byte buffer on the pinned object heap: the GC never moves it, so SQLite may read text bound from it in place
/// (SQLITE_STATIC). The only source of <see cref="PinnedUtf8"/>, so text that is bound without a copy can only come
/// from memory that cannot move.
/// </summary>
internal sealed class PinnedBuffer
{
    private byte[] _bytes;

    /// <summary>A buffer of <paramref name="capacity"/> bytes (contents unspecified).</summary>
    public PinnedBuffer(int capacity) => _bytes = Allocate(capacity);

    private PinnedBuffer(byte[] pinned) => _bytes = pinned;

    /// <summary>The UTF-8 of <paramref name="text"/> in a buffer of its own, exactly as long.</summary>
    public static PinnedBuffer Of(string text)
    {
        var bytes = GC.AllocateArray<byte>(Encoding.UTF8.GetByteCount(text), pinned: true);
        Encoding.UTF8.GetBytes(text, bytes);
        return new PinnedBuffer(bytes);
    }

    /// <summary>Bytes the buffer holds.</summary>
    public int Capacity => _bytes.Length;

    /// <summary>The whole buffer, to write into.</summary>
    public Span<byte> Span => _bytes;

    /// <summary>The first <paramref name="length"/> bytes as text SQLite may bind in place.</summary>
    public PinnedUtf8 Text(int length) => new(_bytes.AsSpan(0, length));

    /// <summary>The whole buffer as text SQLite may bind in place.</summary>
    public PinnedUtf8 Text() => new(_bytes);

    /// <summary>
    /// Grows to hold at least <paramref name="capacity"/> bytes (at least doubling), keeping the first
    /// <paramref name="keep"/> bytes. Text taken earlier stays valid: the old array is pinned too and is only dropped.
    /// </summary>
    public void Grow(int capacity, int keep)
    {
        if (capacity <= _bytes.Length) return;
        var grown = Allocate(Math.Max(capacity, _bytes.Length * 2));
        _bytes.AsSpan(0, keep).CopyTo(grown);
        _bytes = grown;
    }

    private static byte[] Allocate(int length) => GC.AllocateUninitializedArray<byte>(length, pinned: true);
}
