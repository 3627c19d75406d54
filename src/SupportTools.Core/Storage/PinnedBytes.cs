namespace SupportTools.Storage;

/// <summary>Byte arrays on the pinned object heap: the GC never moves them, so SQLite may read bound text in place.</summary>
internal static class PinnedBytes
{
    /// <summary>A pinned array of <paramref name="length"/> bytes (contents unspecified).</summary>
    public static byte[] Allocate(int length) => GC.AllocateUninitializedArray<byte>(length, pinned: true);

    /// <summary><paramref name="array"/> grown to hold at least <paramref name="length"/> bytes (at least doubled), its contents kept, still pinned.</summary>
    public static void Grow(ref byte[] array, int length)
    {
        var grown = Allocate(Math.Max(length, array.Length * 2));
        array.CopyTo(grown, 0);
        array = grown;
    }

    /// <summary>The UTF-8 of <paramref name="text"/> in a pinned array.</summary>
    public static byte[] Of(string text)
    {
        var bytes = GC.AllocateArray<byte>(System.Text.Encoding.UTF8.GetByteCount(text), pinned: true);
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
