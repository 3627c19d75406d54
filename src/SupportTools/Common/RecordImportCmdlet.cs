using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// An import that takes files (<c>-Path</c>, <c>-LiteralPath</c>, <c>Get-ChildItem</c> output) or records piped as
/// objects (our own output types, or rows with their columns from <c>Import-Csv</c>). Each file is one transaction of
/// its own, confirmed on its own; the piped records of one pipeline run are one batch, confirmed once and committed at
/// its end (rolled back when the pipeline fails or is stopped). A bad object is reported with its position in the run
/// and the rest go on. The tickets and calls imports differ only in the hooks below.
/// </summary>
/// <typeparam name="TStore">The store the records go into.</typeparam>
/// <typeparam name="TBatch">A batch of piped records in one transaction.</typeparam>
/// <typeparam name="TRecord">One record.</typeparam>
public abstract class RecordImportCmdlet<TStore, TBatch, TRecord> : FileImportCmdlet
    where TStore : class, IDisposable
    where TBatch : class, IDisposable
{
    /// <summary>The parameter set of piped objects.</summary>
    protected const string InputObjectSet = "InputObject";

    private TStore? _store;
    private TBatch? _batch;
    private bool _declined;
    private long _piped;

    /// <summary>
    /// Records to import: the module's own objects, rows with their columns (from <c>Import-Csv</c>), or files
    /// (<c>Get-ChildItem</c>). One transaction per pipeline run, committed at its end.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>What is imported, for confirmations and progress ("call records", "ticket activity").</summary>
    protected abstract string RecordsName { get; }

    /// <summary>The files a folder given with <c>-Recurse</c> contributes ("*.json").</summary>
    protected abstract string[] FilePatterns { get; }

    /// <summary>The error id of a file that cannot be imported.</summary>
    protected abstract string InvalidFileId { get; }

    /// <summary>Opens the store at <paramref name="path"/> for writing.</summary>
    protected abstract TStore Open(string path, IOperationReporter reporter);

    /// <summary>Imports <paramref name="file"/> in one transaction and writes its summary (and any warning).</summary>
    protected abstract void ImportFile(TStore store, string file, IOperationReporter progress);

    /// <summary>The record <paramref name="input"/> stands for; an <see cref="InputFormatException"/> naming <paramref name="position"/> when none.</summary>
    protected abstract TRecord ToRecord(PSObject input, long position);

    /// <summary>Starts the batch of this pipeline run's piped records.</summary>
    protected abstract TBatch BeginImport(TStore store);

    /// <summary>Adds a record to the batch; an <see cref="InputFormatException"/> when the store refuses it.</summary>
    protected abstract void Add(TBatch batch, TRecord record);

    /// <summary>Commits the batch and writes its summary.</summary>
    protected abstract void Commit(TBatch batch);

    /// <inheritdoc />
    protected override void OnRecord()
    {
        if (ParameterSetName == InputObjectSet) AddPiped(InputObject);
        else ImportFiles(InputFiles(FilePatterns));
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (_batch is null) return;
        Commit(_batch);
        _batch.Dispose();
        _batch = null;
    }

    private void ImportFiles(IReadOnlyList<string> files) => ImportEach(files, InvalidFileId, file =>
    {
        if (!ShouldProcess(file, $"Import {RecordsName} into '{DatabasePath}'")) return;
        var store = OpenStore();
        var progress = new CmdletReporter(this, $"Importing {RecordsName}", "bytes");
        WriteVerbose($"Importing '{file}' ({new FileInfo(file).Length:N0} bytes) in one transaction.");
        try
        {
            ImportFile(store, file, progress);
        }
        finally
        {
            progress.Complete();
        }
    });

    private void AddPiped(PSObject? input)
    {
        if (input?.BaseObject is null || _declined) return;
        if (input.BaseObject is FileSystemInfo item)
        {
            // Get-ChildItem binds here rather than to -LiteralPath (a PSObject takes anything): import the file.
            ImportFiles(Paths.InputFiles(item.FullName, literal: true, Recurse, FilePatterns));
            return;
        }
        _piped++;
        TRecord record;
        try
        {
            record = ToRecord(input, _piped);
        }
        catch (InputFormatException exception)
        {
            WriteError(ErrorRecords.InvalidInput(exception, ErrorRecords.InvalidInputObject, input));
            return;
        }
        if (_batch is null)
        {
            // One confirmation for the whole pipeline run: that is the unit that commits or rolls back.
            _declined = !ShouldProcess(DatabasePath, $"Import piped {RecordsName}");
            if (_declined) return;
            _batch = BeginImport(OpenStore());
        }
        try
        {
            Add(_batch, record);
        }
        catch (InputFormatException exception)
        {
            // One bad object is that object's problem: report it and keep the rest of the run.
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Reason, field: exception.Field, record: _piped, item: input),
                ErrorRecords.InvalidInputObject, input));
        }
    }

    private TStore OpenStore() => _store ??= OpenForWriting<TStore>(Open);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _batch?.Dispose(); // not committed: the pipeline failed or was stopped, so roll back
        _store?.Dispose();
    }
}
