using System.Runtime.CompilerServices;
using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// Reads several statements whose rows come in <c>call_time</c> order (column 0), each through its own index, as one
/// stream in that order: the calls made of linked legs and the legs that are calls by themselves are two indexed
/// relations, and merging them here keeps every read a walk of indexes (SQLite itself sorts a UNION ALL of them in a
/// temporary b-tree). On equal times the earlier statement's row comes first.
/// </summary>
internal sealed class CallRowMerge(IReadOnlyList<SqliteStatement> statements)
{
    private readonly bool[] _has = new bool[statements.Count];
    private bool _started;
    private int _current = -1;

    /// <summary>The statement whose row is the current one (read its columns until the next <see cref="Read"/>).</summary>
    public SqliteStatement Current => statements[_current];

    /// <summary>Moves to the next row in time order; false when every statement has ended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        if (!_started)
        {
            for (var i = 0; i < statements.Count; i++) _has[i] = statements[i].Read();
            _started = true;
        }
        else if (_current >= 0) _has[_current] = statements[_current].Read();
        _current = -1;
        var earliest = long.MaxValue;
        for (var i = 0; i < statements.Count; i++)
        {
            if (!_has[i]) continue;
            var time = statements[i].GetInt64(0);
            if (_current >= 0 && time >= earliest) continue;
            earliest = time;
            _current = i;
        }
        return _current >= 0;
    }
}
