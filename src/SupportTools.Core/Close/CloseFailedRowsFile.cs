using System.Globalization;
using System.Text;
using CsvHelper;

namespace SupportTools.Close;

/// <summary>
/// The <c>-FailedPath</c> CSV: every row that was not imported (invalid, failed, unknown, declined) with its cells as
/// read under the standard column names (<c>-Map</c> applied) and any custom columns, then <c>Row</c> (the input row
/// number) and <c>Reason</c>. The standard columns are always there, so the file is a lead file that
/// <c>Import-CloseLead -Path failed.csv</c> reads back (the Row and Reason columns are its bookkeeping and never sent).
/// Cells that a spreadsheet would run as formulas are escaped (<see cref="CloseCsvCell"/>) and read back as they were.
/// Written beside the target and moved into place only when the run ends (a stopped run leaves an existing file as
/// it was); a run without such rows writes the header only, so an old file never looks like this run's. Thread-safe.
/// </summary>
internal sealed class CloseFailedRowsFile : IDisposable
{
    private readonly object _lock = new();
    private readonly StagedFile _file;
    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<string> _columns;
    private bool _closed;

    private CloseFailedRowsFile(StagedFile file, IReadOnlyList<string> columns)
    {
        _file = file;
        _columns = columns;
        _writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        _csv = new CsvWriter(_writer, CultureInfo.InvariantCulture);
        foreach (var column in columns.Append(CloseLeadColumns.Row).Append(CloseLeadColumns.Reason)) _csv.WriteField(column);
        _csv.NextRecord();
    }

    /// <summary>How many rows were written.</summary>
    public int Count { get; private set; }

    /// <summary>The file's target path.</summary>
    public string Path => _file.TargetPath;

    /// <summary>
    /// Starts the file at <paramref name="path"/>: the standard columns, then the custom columns of
    /// <paramref name="drafts"/> (in order of first appearance).
    /// </summary>
    public static CloseFailedRowsFile Create(string path, IEnumerable<CloseLeadDraft> drafts)
    {
        var columns = new List<string>(CloseLeadColumns.All);
        var seen = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        foreach (var draft in drafts)
            foreach (var column in Cells(draft).Keys)
                if (seen.Add(column)) columns.Add(column);
        var file = StagedFile.Create(path);
        try
        {
            return new CloseFailedRowsFile(file, columns);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Writes the row of <paramref name="outcome"/> unless it was imported (created or skipped as existing).</summary>
    public void Add(CloseLeadOutcome outcome)
    {
        var result = outcome.Result;
        if (result.Status is CloseLeadStatus.Created or CloseLeadStatus.Skipped) return;
        var cells = Cells(outcome.Draft);
        lock (_lock)
        {
            foreach (var column in _columns) _csv.WriteField(CloseCsvCell.Escape(cells.GetValueOrDefault(column)));
            _csv.WriteField(result.Row.ToString(CultureInfo.InvariantCulture));
            _csv.WriteField(CloseCsvCell.Escape(result.Reason));
            _csv.NextRecord();
            Count++;
        }
    }

    /// <summary>Moves the complete file into place.</summary>
    public void Commit()
    {
        lock (_lock)
        {
            Close();
            _file.Commit();
        }
    }

    /// <summary>Deletes the temporary file unless committed.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            Close();
            _file.Dispose();
        }
    }

    /// <summary>Flushes and closes the writers (which leave the staged stream open for the file to commit or delete).</summary>
    private void Close()
    {
        if (_closed) return;
        _closed = true;
        _csv.Dispose();
        _writer.Dispose();
    }

    /// <summary>The row as read, or the draft's own values when it was not read by this module.</summary>
    private static IReadOnlyDictionary<string, string?> Cells(CloseLeadDraft draft) => draft.SourceCells ?? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        [CloseLeadColumns.Company] = draft.Name, [CloseLeadColumns.Contact] = draft.ContactName, [CloseLeadColumns.Title] = draft.Title,
        [CloseLeadColumns.Email] = draft.Email, [CloseLeadColumns.Phone] = draft.Phone, [CloseLeadColumns.Address] = draft.Address,
        [CloseLeadColumns.City] = draft.City, [CloseLeadColumns.State] = draft.State, [CloseLeadColumns.Zip] = draft.Zip,
        [CloseLeadColumns.Country] = draft.Country, [CloseLeadColumns.Revenue] = CloseLeadCleaner.CellText(draft.Revenue),
        [CloseLeadColumns.Founded] = draft.Founded,
    };
}
