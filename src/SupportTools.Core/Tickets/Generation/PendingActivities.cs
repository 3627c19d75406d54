using System.Buffers.Binary;

namespace SupportTools.Tickets.Generation;

/// <summary>
/// Simulated tickets whose activities are not emitted yet, merged into time order. Each ticket has one entry keyed by
/// its next activity's (time, creation rank), so ties between tickets go to the earlier-created one and a ticket's own
/// activities keep their simulated order. Entries due in the current minute sit in a min-heap; later ones wait in
/// per-minute buckets (a ring of about 91 days, and a heap beyond it) and join the heap when their minute comes, so the
/// heap stays small and cache-resident however many tickets are open. Activities are copied into 1 MiB byte chunks
/// (record: local ticks, performer or <see cref="long.MinValue"/> for the system, JSON length, JSON) that are reused
/// once every ticket in them is out: no object per ticket, so the garbage collector neither copies nor scans them,
/// and memory follows the tickets active at once.
/// </summary>
internal sealed class PendingActivities
{
    private const int ChunkSize = 1 << 20, Header = 8 + 8 + 4;
    private const long SystemPerformer = long.MinValue;
    private const int RankBits = 31, RingSize = 1 << 17; // minutes
    private const long SecondsPerMinute = 60;

    private sealed class Chunk(int size)
    {
        public readonly byte[] Data = new byte[size];
        public int Used, Live;
    }

    private struct Slot
    {
        public int Chunk, Offset, Remaining, Rank, NextInBucket;
        public long Key;
    }

    private readonly List<Chunk> _chunks = [];
    private readonly Stack<int> _freeChunks = new(), _freeSlots = new();
    private readonly PriorityQueue<int, long> _heap = new(), _beyondRing = new();
    private readonly int[] _ring = new int[RingSize];
    private long _minute; // every entry due in this minute or earlier is in the heap
    private int _bucketed;
    private readonly long _firstTicketId, _startTicks;
    private readonly TimeSpan _offset;
    private Slot[] _slots = new Slot[256];
    private int _slotCount, _head = -1;

    public PendingActivities(long firstTicketId, DateTimeOffset start)
    {
        _startTicks = start.Ticks;
        _firstTicketId = firstTicketId;
        _offset = start.Offset;
        Array.Fill(_ring, -1);
    }

    /// <summary>The local ticks (in the window's offset) of the next activity in order; false when none is pending.</summary>
    public bool TryPeekTime(out long ticks)
    {
        FillHeap();
        var found = _heap.TryPeek(out _, out var key);
        ticks = _startTicks + (key >> RankBits) * TimeSpan.TicksPerSecond;
        return found;
    }

    /// <summary>Copies the simulation's last ticket in (its activities in time order, at least one).</summary>
    public void Add(TicketSimulation simulation, int rank)
    {
        var activities = simulation.Activities;
        var json = simulation.Json;
        var size = activities.Count * Header + json.Length;
        var chunkIndex = ChunkFor(size);
        var chunk = _chunks[chunkIndex];
        var start = chunk.Used;
        var at = chunk.Data.AsSpan(start);
        foreach (var a in activities)
        {
            BinaryPrimitives.WriteInt64LittleEndian(at, a.PerformedAt.Ticks);
            BinaryPrimitives.WriteInt64LittleEndian(at[8..], a.PerformerId ?? SystemPerformer);
            BinaryPrimitives.WriteInt32LittleEndian(at[16..], a.JsonLength);
            json.Slice(a.JsonStart, a.JsonLength).CopyTo(at[Header..]);
            at = at[(Header + a.JsonLength)..];
        }
        chunk.Used += size;
        chunk.Live++;
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : NewSlot();
        _slots[slot] = new Slot { Chunk = chunkIndex, Offset = start, Remaining = activities.Count, Rank = rank };
        Schedule(slot, Key(activities[0].PerformedAt.Ticks, rank));
    }

    /// <summary>The next activity in order; <paramref name="json"/> is valid until <see cref="MoveNext"/>.</summary>
    public (long TicketId, DateTimeOffset PerformedAt, long? PerformerId) Peek(out ReadOnlySpan<byte> json)
    {
        var slot = _slots[_heap.Peek()];
        var record = _chunks[slot.Chunk].Data.AsSpan(slot.Offset);
        var performer = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
        var length = BinaryPrimitives.ReadInt32LittleEndian(record[16..]);
        json = record.Slice(Header, length);
        return (_firstTicketId + slot.Rank, new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(record), _offset),
            performer == SystemPerformer ? null : performer);
    }

    /// <summary>Drops the activity <see cref="Peek"/> gave and re-keys its ticket, or retires the ticket.</summary>
    public void MoveNext()
    {
        var index = _heap.Peek();
        ref var slot = ref _slots[index];
        var data = _chunks[slot.Chunk].Data;
        slot.Offset += Header + BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(slot.Offset + 16));
        if (--slot.Remaining > 0)
        {
            var key = Key(BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(slot.Offset)), slot.Rank);
            if (MinuteOf(key) <= _minute) _heap.DequeueEnqueue(index, key);
            else
            {
                _heap.Dequeue();
                Schedule(index, key);
            }
            return;
        }
        _heap.Dequeue();
        _freeSlots.Push(index);
        var chunk = _chunks[slot.Chunk];
        if (--chunk.Live == 0 && slot.Chunk != _head)
        {
            chunk.Used = 0;
            _freeChunks.Push(slot.Chunk);
        }
    }

    /// <summary>The chunk to append <paramref name="size"/> bytes to: the current one, a reused one, or a new one.</summary>
    private int ChunkFor(int size)
    {
        if (_head >= 0)
        {
            var head = _chunks[_head];
            if (head.Live == 0) head.Used = 0;
            if (head.Used + size <= head.Data.Length) return _head;
            if (head.Live == 0) _freeChunks.Push(_head); // emptied while it was the head, but too small for this ticket
        }
        if (size <= ChunkSize && _freeChunks.Count > 0) return _head = _freeChunks.Pop();
        _chunks.Add(new Chunk(Math.Max(ChunkSize, size)));
        return _head = _chunks.Count - 1;
    }

    /// <summary>(time, rank) packed into one ordered number: whole seconds after the start above 31 bits of rank.</summary>
    private long Key(long ticks, int rank) => (ticks - _startTicks) / TimeSpan.TicksPerSecond << RankBits | (uint)rank;

    private static long MinuteOf(long key) => (key >> RankBits) / SecondsPerMinute;

    /// <summary>Puts a ticket's entry in the heap when due by the current minute, else in its minute's bucket.</summary>
    private void Schedule(int index, long key)
    {
        var minute = MinuteOf(key);
        if (minute <= _minute)
        {
            _heap.Enqueue(index, key);
            return;
        }
        if (minute >= _minute + RingSize)
        {
            _beyondRing.Enqueue(index, key);
            return;
        }
        ref var slot = ref _slots[index];
        slot.Key = key;
        ref var head = ref _ring[minute & (RingSize - 1)];
        slot.NextInBucket = head;
        head = index;
        _bucketed++;
    }

    /// <summary>When the heap is empty, moves the minute on to the next bucket with entries and brings them in.</summary>
    private void FillHeap()
    {
        while (_heap.Count == 0 && (_bucketed > 0 || _beyondRing.Count > 0))
        {
            if (_bucketed == 0 && _beyondRing.TryPeek(out _, out var first))
                _minute = Math.Max(_minute, MinuteOf(first) - 1); // skip the empty ring
            _minute++;
            while (_beyondRing.TryPeek(out var index, out var key) && MinuteOf(key) < _minute + RingSize)
            {
                _beyondRing.Dequeue();
                Schedule(index, key);
            }
            ref var head = ref _ring[_minute & (RingSize - 1)];
            for (var index = head; index >= 0; index = _slots[index].NextInBucket)
            {
                _heap.Enqueue(index, _slots[index].Key);
                _bucketed--;
            }
            head = -1;
        }
    }

    private int NewSlot()
    {
        if (_slotCount == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
        return _slotCount++;
    }
}
