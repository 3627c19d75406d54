using System.Runtime.CompilerServices;
using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>A run of parsed calls with their text in one UTF-8 buffer, handed from the parsing thread to the writer.</summary>
internal sealed class CallChunk
{
    /// <summary>Calls a chunk holds (about 1 MB of text for Kazoo-sized records).</summary>
    public const int Capacity = 8192;

    private readonly PinnedBuffer _text; // the writer binds the text in place
    private int _textLength;

    /// <summary>A chunk for a file's calls.</summary>
    public CallChunk() : this(Capacity, 1 << 20)
    {
    }

    /// <summary>A chunk of <paramref name="capacity"/> calls, its text buffer starting at <paramref name="textBytes"/>.</summary>
    public CallChunk(int capacity, int textBytes)
    {
        _text = new PinnedBuffer(textBytes);
        Rows = new CallRow[capacity];
        _order = new int[capacity];
        _sort = new SortEntry[capacity];
    }

    /// <summary>The calls; the first <see cref="Count"/> are filled.</summary>
    public CallRow[] Rows { get; }

    /// <summary>
    /// The rows' indexes in time order (then key, then file order), set by <see cref="Sort"/>: the writer inserts in
    /// this order, so a time-ordered file's rowids follow the time index exactly.
    /// </summary>
    public ReadOnlySpan<int> Order => _order.AsSpan(0, Count);

    private readonly int[] _order;
    private readonly SortEntry[] _sort;

    /// <summary>Calls held.</summary>
    public int Count { get; private set; }

    /// <summary>True when no call fits any more.</summary>
    public bool IsFull => Count == Rows.Length;

    /// <summary>The text the rows' slices point into.</summary>
    public PinnedUtf8 Text => _text.Text(_textLength);

    /// <summary>The next row to fill (becomes one of <see cref="Rows"/> at <see cref="Commit"/>).</summary>
    public ref CallRow Next => ref Rows[Count];

    /// <summary>Keeps the row filled through <see cref="Next"/>.</summary>
    public void Commit() => Count++;

    /// <summary>Sets <see cref="Order"/> (on the parsing thread, so the writer does not pay for it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sort()
    {
        var rows = Rows.AsSpan(0, Count);
        var order = _order.AsSpan(0, Count);
        // Exports come in time order: a chunk found sorted costs one pass, not a sort.
        var sorted = true;
        for (var i = 1; i < rows.Length && sorted; i++)
            sorted = rows[i - 1].CallTime < rows[i].CallTime || rows[i - 1].CallTime == rows[i].CallTime && rows[i - 1].Key <= rows[i].Key;
        if (sorted)
        {
            for (var i = 0; i < order.Length; i++) order[i] = i;
            return;
        }
        var entries = _sort.AsSpan(0, Count);
        for (var i = 0; i < entries.Length; i++) entries[i] = new SortEntry(rows[i].CallTime, rows[i].Key, i);
        entries.Sort();
        for (var i = 0; i < entries.Length; i++) order[i] = entries[i].Index;
    }

    /// <summary>
    /// A row's place in time order: time, then key, then its place in the file. Compared directly (a value tuple's
    /// comparison goes through a comparer per field, which made sorting shuffled chunks a tenth of the parsing).
    /// </summary>
    private readonly record struct SortEntry(long Time, long Key, int Index) : IComparable<SortEntry>
    {
        public int CompareTo(SortEntry other) =>
            Time != other.Time ? (Time < other.Time ? -1 : 1) : Key != other.Key ? (Key < other.Key ? -1 : 1) : Index - other.Index;
    }

    /// <summary>
    /// Adds <paramref name="other"/>'s calls after these, with their text (a run of several chunks, see
    /// <see cref="CallImportBatch"/>, which makes room first).
    /// </summary>
    public void Append(CallChunk other)
    {
        if (Count + other.Count > Rows.Length) throw new InvalidOperationException("the run has no room for another chunk");
        var text = other.Text.Bytes;
        var from = _textLength;
        _text.Grow(from + text.Length, from);
        text.CopyTo(_text.Span[from..]);
        _textLength += text.Length;
        static TextSlice Moved(TextSlice slice, int by) => slice.IsNull ? slice : slice with { Start = slice.Start + by };
        foreach (var row in other.Rows.AsSpan(0, other.Count))
        {
            Rows[Count++] = row with
            {
                CallId = Moved(row.CallId, from), CallerIdNumber = Moved(row.CallerIdNumber, from), CalleeIdNumber = Moved(row.CalleeIdNumber, from),
                CallerIdName = Moved(row.CallerIdName, from), InteractionId = Moved(row.InteractionId, from),
            };
        }
    }

    /// <summary>Copies <paramref name="value"/> into the text buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TextSlice AddText(ReadOnlySpan<byte> value)
    {
        _text.Grow(_textLength + value.Length, _textLength);
        value.CopyTo(_text.Span[_textLength..]);
        var slice = new TextSlice(_textLength, value.Length);
        _textLength += value.Length;
        return slice;
    }

    /// <summary>Empties the chunk for reuse.</summary>
    public void Clear()
    {
        Count = 0;
        _textLength = 0;
    }
}
