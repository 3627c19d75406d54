namespace SupportTools.Tickets.Generation;

/// <summary>
/// Open tickets keyed by their next activity's (time, creation rank), so ties between tickets go to the
/// earlier-created one; a ticket has one entry, so its own activities keep their order. Tickets due in the current
/// minute sit in a min-heap; later ones wait in per-minute buckets (a ring of about 91 days, and a heap beyond it) and
/// join the heap when their minute comes, so the heap stays small and cache-resident however many tickets are open.
/// Each ticket is one <see cref="TicketState"/> in a reused slot (64 bytes with the bucket link) of 1 MiB blocks that
/// are added as needed (no doubling and copying): no object per ticket and no buffered activities, so memory follows
/// the tickets open at once.
/// </summary>
internal sealed class OpenTickets
{
    private const int RingSize = 1 << 17; // minutes
    private const int BlockBits = 14, BlockMask = (1 << BlockBits) - 1; // 16,384 slots of 64 bytes a block
    private const long SecondsPerMinute = 60;

    private struct Slot
    {
        public TicketState Ticket;
        public int Next; // the next slot in the same bucket, or in the free list
    }

    private readonly PriorityQueue<int, long> _heap = new(), _beyondRing = new();
    private readonly int[] _ring = new int[RingSize];
    private long _minute; // every ticket due in this minute or earlier is in the heap
    private int _bucketed, _free = -1, _slotCount;
    private readonly List<Slot[]> _blocks = [];

    public OpenTickets() => Array.Fill(_ring, -1);

    /// <summary>The next ticket's key (see <see cref="TicketState.Key"/>); false when no ticket is open.</summary>
    public bool TryPeek(out long key)
    {
        FillHeap();
        return _heap.TryPeek(out _, out key);
    }

    /// <summary>The ticket <see cref="TryPeek"/> found; after changing its key, call <see cref="Requeue"/> or <see cref="Remove"/>.</summary>
    public ref TicketState Next => ref SlotAt(_heap.Peek()).Ticket;

    /// <summary>Opens a ticket, scheduled by its key.</summary>
    public void Add(in TicketState ticket)
    {
        int index;
        if (_free >= 0) (index, _free) = (_free, SlotAt(_free).Next);
        else
        {
            if ((_slotCount & BlockMask) == 0) _blocks.Add(new Slot[1 << BlockBits]);
            index = _slotCount++;
        }
        SlotAt(index).Ticket = ticket;
        Schedule(index, ticket.Key);
    }

    /// <summary>Re-schedules the <see cref="Next"/> ticket by its new key.</summary>
    public void Requeue()
    {
        var index = _heap.Peek();
        var key = SlotAt(index).Ticket.Key;
        if (MinuteOf(key) <= _minute) _heap.DequeueEnqueue(index, key);
        else
        {
            _heap.Dequeue();
            Schedule(index, key);
        }
    }

    /// <summary>Closes the <see cref="Next"/> ticket.</summary>
    public void Remove()
    {
        var index = _heap.Dequeue();
        SlotAt(index).Next = _free;
        _free = index;
    }

    private ref Slot SlotAt(int index) => ref _blocks[index >> BlockBits][index & BlockMask];

    private static long MinuteOf(long key) => (key >> TicketState.RankBits) / SecondsPerMinute;

    /// <summary>Puts a ticket in the heap when due by the current minute, else in its minute's bucket.</summary>
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
        ref var head = ref _ring[minute & (RingSize - 1)];
        SlotAt(index).Next = head;
        head = index;
        _bucketed++;
    }

    /// <summary>When the heap is empty, moves the minute on to the next bucket with tickets and brings them in.</summary>
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
            for (var index = head; index >= 0; index = SlotAt(index).Next)
            {
                _heap.Enqueue(index, SlotAt(index).Ticket.Key);
                _bucketed--;
            }
            head = -1;
        }
    }
}
