using System.Globalization;
using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// The call store: imports of call records and zones (one transaction each) and the reads behind the call cmdlets.
/// Every database failure comes out as a <see cref="StoreException"/>; input problems as
/// <see cref="InputFormatException"/> or <see cref="IOException"/>.
/// </summary>
public sealed class CallStore : IDisposable
{
    private readonly StoreConnection _db;

    private CallStore(StoreConnection db) => _db = db;

    /// <summary>
    /// Opens the database at <paramref name="path"/> for importing: creates it (and its folder) when missing, brings the
    /// call tables up to date. Refuses a file that is not a SupportTools database, leaving it unchanged.
    /// </summary>
    public static CallStore Open(string path, IOperationReporter? reporter = null) =>
        new(StoreConnection.OpenWriter(path, CallSchema.Capability, reporter));

    /// <summary>
    /// Opens an existing database for reading only: creates, migrates and writes nothing. A missing database, or one
    /// without call data, is <see cref="StoreFailure.NotFound"/>.
    /// </summary>
    public static CallStore OpenReadOnly(string path, IOperationReporter? reporter = null) =>
        new(StoreConnection.OpenReader(path, CallSchema.Capability, reporter));

    /// <summary>The database file (full path).</summary>
    public string DatabasePath => _db.Path;

    /// <summary>The connection, for the queries (and tests) that read the call tables directly.</summary>
    internal StoreConnection Connection => _db;

    /// <summary>Starts a transactional import (<paramref name="source"/> is recorded, may be null).</summary>
    public CallImportBatch BeginImport(string? source = null) => new(_db, source, CallZoneResolver.For(_db));

    /// <summary>
    /// Imports a file of call records (Kazoo CDR JSON, or CSV) in one transaction. On any error the transaction is
    /// rolled back (the store is unchanged, and usable for the next file) and the <see cref="InputFormatException"/>
    /// says where: one bad record fails its whole file. Times written as <c>Export-Csv</c> writes them are read in
    /// <paramref name="culture"/> (default: the current culture).
    /// </summary>
    public CallImportSummary ImportFile(string path, IOperationReporter? reporter = null, CultureInfo? culture = null,
        CancellationToken cancellationToken = default)
    {
        reporter ??= NullReporter.Instance;
        var previous = _db.Reporter;
        _db.Reporter = reporter; // lock waits during this import are this import's to report
        try
        {
            using var batch = BeginImport(path);
            using var reader = CallRecordFileReader.Open(path, batch.Zones, culture ?? CultureInfo.CurrentCulture);
            using (var parser = new ParallelChunkParser<CallChunk>(() => new CallChunk(), reader.FillSorted, chunk => chunk.Clear(), cancellationToken))
            {
                foreach (var chunk in parser.Chunks())
                {
                    batch.Add(chunk);
                    cancellationToken.ThrowIfCancellationRequested();
                    reporter.Progress(path, reader.BytesRead, reader.Length);
                }
            }
            reporter.Progress(path, reader.Length, reader.Length);
            return batch.Commit();
        }
        finally
        {
            _db.Reporter = previous;
        }
    }

    /// <summary>Closes the database.</summary>
    public void Dispose() => _db.Dispose();
}
