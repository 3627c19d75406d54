namespace SupportTools.Calls;

/// <summary>What a CDR field holds, which decides the values a filter may compare it with.</summary>
internal enum CallFilterFieldKind
{
    /// <summary>Text (numbers, names, ids): strings only.</summary>
    Text,
    /// <summary>Whole seconds or zone ids: whole numbers only.</summary>
    Integer,
    /// <summary>0/1 in the store: <c>true</c>/<c>false</c>, or the numbers 0 and 1.</summary>
    Boolean,
    /// <summary><c>call_time</c> (Unix seconds in the store): a time, read in the query's zone when it has no offset.</summary>
    Time,
}
