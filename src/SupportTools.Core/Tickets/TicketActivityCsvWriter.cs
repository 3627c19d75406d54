using System.Globalization;
using System.Text;
using CsvHelper;

namespace SupportTools.Tickets;

/// <summary>
/// Writes activities as CSV with the columns of <c>Export-Csv</c> over <see cref="TicketActivity"/> objects, but with
/// times in ISO 8601 (<c>2017-04-21T09:33:38+00:00</c>) whatever the session's culture: <c>Export-Csv</c> writes a
/// <see cref="DateTimeOffset"/> in the culture of the session (05/04/2017 in en-GB, 5/4/2017 in en-US), which another
/// culture cannot read back unambiguously. Every field is quoted, as <c>Export-Csv</c> does. Written beside the target
/// and moved into place by <see cref="Complete"/>.
/// </summary>
internal sealed class TicketActivityCsvWriter : ITicketActivityFileWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["TicketId", "PerformedAt", "PerformerType", "PerformerId", "Status", "NoteId", "NoteType", "RequesterId", "IsAutomation", "Changes", "Activity", "IsSystemActor"];

    private readonly StagedFile _file;
    private readonly CsvWriter _csv;
    private readonly HashSet<long> _tickets = [];
    private bool _completed;

    private TicketActivityCsvWriter(StagedFile file)
    {
        _file = file;
        var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        _csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        WriteRow(Columns);
    }

    /// <summary>Starts a CSV file that replaces <paramref name="path"/> when <see cref="Complete"/> succeeds.</summary>
    public static TicketActivityCsvWriter Create(string path, bool noClobber = false)
    {
        var file = StagedFile.Create(path, noClobber);
        try
        {
            return new TicketActivityCsvWriter(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public long Count { get; private set; }
    /// <inheritdoc />
    public long TicketCount => _tickets.Count;
    /// <inheritdoc />
    public DateTimeOffset? StartAt { get; private set; }
    /// <inheritdoc />
    public DateTimeOffset? EndAt { get; private set; }

    /// <summary>A time as this writer writes it: ISO 8601 with the offset (fractions only when there are any).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "O", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Write(TicketActivity activity)
    {
        string?[] values =
        [
            Number(activity.TicketId), FormatTime(activity.PerformedAt), activity.PerformerType, Number(activity.PerformerId), activity.Status,
            Number(activity.NoteId), Number(activity.NoteType), Number(activity.RequesterId), activity.IsAutomation ? "True" : "False",
            activity.Changes, activity.Activity, activity.IsSystemActor ? "True" : "False",
        ];
        WriteRow(values);
        Count++;
        _tickets.Add(activity.TicketId);
        if (StartAt is null || activity.PerformedAt < StartAt) StartAt = activity.PerformedAt;
        if (EndAt is null || activity.PerformedAt > EndAt) EndAt = activity.PerformedAt;
    }

    /// <inheritdoc />
    public void Complete(bool noClobber = false)
    {
        _csv.Dispose(); // flushes, and closes the writer; the staged stream stays open for the commit
        _file.Commit(noClobber);
        _completed = true;
    }

    /// <summary>Releases the file; without <see cref="Complete"/> the partial file is deleted.</summary>
    public void Dispose()
    {
        if (!_completed) _csv.Dispose();
        _file.Dispose();
    }

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A row as <c>Export-Csv</c> writes one: every value quoted; a missing value (null) as nothing at all.</summary>
    private void WriteRow(IEnumerable<string?> values)
    {
        foreach (var value in values)
            _csv.WriteField(value ?? "", shouldQuote: value is not null);
        _csv.NextRecord();
    }
}
