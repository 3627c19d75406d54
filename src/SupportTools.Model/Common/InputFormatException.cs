namespace SupportTools;

/// <summary>
/// Input that cannot be read as what it claims to be. Carries where (file, line, byte position,
/// record number, field) so the cmdlet layer can build an <c>ErrorRecord</c> that says exactly where and why.
/// </summary>
public sealed class InputFormatException : SupportToolsException
{
    /// <summary>
    /// Creates the exception; <paramref name="reason"/> says why, the rest says where. <paramref name="section"/> names
    /// a part of the input that is not a record (e.g. <c>metadata</c>).
    /// </summary>
    public InputFormatException(string reason, string? path = null, long? line = null, long? bytePosition = null,
        string? field = null, long? record = null, object? item = null, Exception? inner = null, string? section = null)
        : base(Describe(reason, path, line, bytePosition, field, record, section), inner)
    {
        Reason = reason;
        Path = path;
        Line = line;
        BytePosition = bytePosition;
        Field = field;
        Record = record;
        Item = item;
        Section = section;
    }

    /// <summary>Why the input is wrong, without the location.</summary>
    public string Reason { get; }
    /// <summary>The file, or null for piped input.</summary>
    public string? Path { get; }
    /// <summary>1-based line number in the file.</summary>
    public long? Line { get; }
    /// <summary>1-based byte position within <see cref="Line"/>.</summary>
    public long? BytePosition { get; }
    /// <summary>The JSON property or column at fault.</summary>
    public string? Field { get; }
    /// <summary>1-based record (activity, row) number.</summary>
    public long? Record { get; }
    /// <summary>The offending item, when there is one.</summary>
    public object? Item { get; }
    /// <summary>The part of the input that is not a record, e.g. <c>metadata</c>; null inside records.</summary>
    public string? Section { get; }

    /// <summary>
    /// <see cref="ErrorIds.InvalidInputFile"/> for a file, <see cref="ErrorIds.InvalidInputObject"/> for an item: the
    /// generic ids. A cmdlet that knows the format reports its own instead (e.g. <see cref="ErrorIds.InvalidCallRecordFile"/>).
    /// </summary>
    public override string ErrorId => Path is null ? ErrorIds.InvalidInputObject : ErrorIds.InvalidInputFile;

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.InvalidData;

    /// <summary>The offending item when there is one, else the file.</summary>
    public override object? Target => Item ?? Path;

    /// <inheritdoc />
    public override string RecommendedAction => Path is null
        ? "Correct the item and run the command again."
        : "Correct the file at the position given (or re-export it) and import it again; nothing from this file was imported.";

    private static string Describe(string reason, string? path, long? line, long? bytePosition, string? field, long? record, string? section)
    {
        var where = new List<string>();
        if (path is not null) where.Add(path);
        if (line is not null) where.Add($"line {line}");
        if (bytePosition is not null) where.Add($"byte {bytePosition}");
        if (record is not null) where.Add($"record {record}");
        if (section is not null) where.Add($"in {section}");
        if (field is not null) where.Add($"field '{field}'");
        return where.Count == 0 ? reason : $"{string.Join(", ", where)}: {reason}";
    }
}
