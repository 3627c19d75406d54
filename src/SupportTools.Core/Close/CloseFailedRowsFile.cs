using System.Globalization;
using System.Text;
using CsvHelper;

namespace SupportTools.Close;

/// <summary>
/// The <c>-FailedPath</c> CSV: each invalid or failed row with its cells as read, under the standard column names
/// (<c>-Map</c> applied), so the file can be corrected and imported again once the <c>Row</c> and <c>Reason</c>
/// columns are dropped; then
/// <c>Row</c> (the input row number) and <c>Reason</c>. Written beside the target and moved into place only when the
/// run completes (a stopped run leaves an existing file as it was); an import without failures writes the header only,
/// so an old file never looks like this run's.
/// </summary>
public sealed class CloseFailedRowsFile : IDisposable
{
    private readonly StagedFile _file;
    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<string> _columns;

    private CloseFailedRowsFile(StagedFile file, IReadOnlyList<string> columns)
    {
        _file = file;
        _columns = columns;
        _writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        _csv = new CsvWriter(_writer, CultureInfo.InvariantCulture);
        foreach (var column in columns.Append("Row").Append("Reason")) _csv.WriteField(column);
        _csv.NextRecord();
    }

    /// <summary>How many rows were written.</summary>
    public int Count { get; private set; }

    /// <summary>Starts the file at <paramref name="path"/> with the columns of <paramref name="drafts"/> (in order of first appearance).</summary>
    public static CloseFailedRowsFile Create(string path, IEnumerable<CloseLeadDraft> drafts)
    {
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>Writes the row of <paramref name="outcome"/> when it was invalid or failed.</summary>
    public void Add(CloseLeadOutcome outcome)
    {
        var result = outcome.Result;
        if (result.Status is not (CloseLeadStatus.Invalid or CloseLeadStatus.Failed)) return;
        var cells = Cells(outcome.Draft);
        foreach (var column in _columns) _csv.WriteField(cells.GetValueOrDefault(column) ?? "");
        _csv.WriteField(result.Row.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(result.Reason ?? "");
        _csv.NextRecord();
        Count++;
    }

    /// <summary>Moves the complete file into place.</summary>
    public void Commit()
    {
        _csv.Flush();
        _writer.Flush();
        _file.Commit();
    }

    /// <summary>Deletes the temporary file unless committed.</summary>
    public void Dispose()
    {
        _csv.Dispose();
        _writer.Dispose();
        _file.Dispose();
    }

    /// <summary>The row as read, or the draft's own values when it was not read by this module.</summary>
    private static IReadOnlyDictionary<string, string?> Cells(CloseLeadDraft draft) => draft.Source?.Cells ?? new Dictionary<string, string?>
    {
        [CloseLeadColumns.Company] = draft.Name, [CloseLeadColumns.Contact] = draft.ContactName, [CloseLeadColumns.Title] = draft.Title,
        [CloseLeadColumns.Email] = draft.Email, [CloseLeadColumns.Phone] = draft.Phone, [CloseLeadColumns.Address] = draft.Address,
        [CloseLeadColumns.City] = draft.City, [CloseLeadColumns.State] = draft.State, [CloseLeadColumns.Zip] = draft.Zip,
        [CloseLeadColumns.Country] = draft.Country, [CloseLeadColumns.Revenue] = CloseLeadCleaner.CellText(draft.Revenue),
        [CloseLeadColumns.Founded] = draft.Founded,
    };
}
