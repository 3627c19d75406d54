using System.Collections;
using System.Management.Automation;
using SupportTools.Close;
using SupportTools.Http;

namespace SupportTools.Commands.Close;

/// <summary>
/// <para type="synopsis">Cleans lead rows and creates one Close lead per company, at the speed Close's rate limit allows, never twice.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CloseLead", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(CloseLeadImportResult))]
public sealed class ImportCloseLeadCommand : CloseCmdlet
{
    private const string PathSet = "Path", InputObjectSet = "InputObject";
    private readonly List<CloseLeadDraft> _drafts = [];
    private readonly HashSet<string> _reportedLeads = new(StringComparer.Ordinal);
    private readonly Dictionary<CloseLeadStatus, int> _counts = [];
    private CloseLeadCleaner? _cleaner;
    private Dictionary<string, string>? _map;
    private string? _failedPath;
    private CloseFailedRowsFile? _failedRows;
    private long _piped;

    /// <summary>The lead CSV (columns Company, Contact, Title, Email, Phone, Address, City, State, Zip, Country, Revenue, Founded and custom fields).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Rows with lead columns (e.g. from <c>Import-Csv</c>) or drafts from <c>ConvertTo-CloseLead</c>.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Other column names for the lead columns: <c>@{Company='Organisation'}</c>.</summary>
    [Parameter]
    public Hashtable? Map { get; set; }

    /// <summary>Exact .NET date formats for Founded (e.g. <c>d/M/yyyy</c>); they replace the numeric guesses.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? DateFormat { get; set; }

    /// <summary>The region of phone numbers written without a country code; default US.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Leaves a company alone when Close has a lead with exactly its name (one lookup per company).</summary>
    [Parameter]
    public SwitchParameter SkipExisting { get; set; }

    /// <summary>A CSV to write the invalid and failed rows to, with the reason (replaced when the run completes).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FailedPath { get; set; }

    /// <inheritdoc />
    protected override void OnBegin()
    {
        RequireOneKey(keyOptional: WhatIfGiven);
        try
        {
            (_cleaner, _map) = CloseLeadInput.Cleaning(Map, DateFormat, DefaultRegion);
        }
        catch (ArgumentException exception)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(exception.Message, null));
        }
        if (FailedPath is not null) _failedPath = Paths.RequireOutputFile(FailedPath);
    }

    /// <inheritdoc />
    protected override void OnRecord()
    {
        if (ParameterSetName == PathSet)
        {
            // A folder: say to give the file (the shared message offers -Recurse, which this cmdlet has not).
            var unresolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
            if (provider.Name == "FileSystem" && Directory.Exists(unresolved)) ThrowTerminatingError(ErrorRecords.FolderGiven(unresolved));
            var files = Paths.InputFiles(Path, literal: false, recurse: false, "*.csv");
            if (files.Count > 1)
                ThrowTerminatingError(ErrorRecords.InvalidArgumentError($"-Path '{Path}' matches {files.Count} files; import one file at a time.", Path));
            foreach (var file in files)
            {
                WriteVerbose($"Reading leads from '{file}'.");
                try
                {
                    _drafts.AddRange(CloseLeadFile.Read(file, _map).Select(_cleaner!.Clean));
                }
                catch (Exception exception) when (ErrorRecords.From(exception, file, ErrorRecords.InvalidInputFile) is { } error)
                {
                    ThrowTerminatingError(error);
                }
            }
            return;
        }
        if (InputObject?.BaseObject is null) return;
        _piped++;
        try
        {
            _drafts.Add(InputObject.BaseObject as CloseLeadDraft ?? _cleaner!.Clean(CloseLeadInput.From(InputObject, _piped, _map)));
        }
        catch (ArgumentException exception)
        {
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Message, record: _piped, item: InputObject), ErrorRecords.InvalidInputObject));
        }
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (_drafts.Count == 0) return;
        if (_failedPath is not null && !WhatIfGiven)
        {
            try
            {
                _failedRows = CloseFailedRowsFile.Create(_failedPath, _drafts.Where(d => !d.IsValid));
            }
            catch (Exception exception) when (ErrorRecords.From(exception, _failedPath) is { } error)
            {
                ThrowTerminatingError(error);
            }
        }
        foreach (var invalid in CloseLeadImporter.Invalid(_drafts)) Report(invalid);

        var plans = CloseLeadPlan.Group(_drafts)
            .Where(plan => ShouldProcess($"'{plan.Name}' (row {string.Join(", ", plan.Rows.Select(r => r.Row))})", "Create Close lead")).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (plans.Count > 0)
        {
            var importer = new CloseLeadImporter(CloseOptions(), FieldNames, SkipExisting);
            var reporter = new CmdletReporter(this, "Importing Close leads", "leads");
            try
            {
                new CallerThreadBridge(reporter).Run<CloseLeadOutcome>((r, emit, token) => importer.RunAsync(plans, r, emit, token), Report, CancellationToken);
            }
            catch (CloseFieldNotFoundException exception)
            {
                FieldsMissing(exception);
            }
            finally
            {
                reporter.Complete();
            }
        }
        _failedRows?.Commit();
        Summarize(started.Elapsed);
    }

    private bool WhatIfGiven => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var flag) && flag is SwitchParameter { IsPresent: true };

    /// <summary>Writes a row's result, its error (one per invalid row, one per failed lead) and its failed-file line.</summary>
    private void Report(CloseLeadOutcome outcome)
    {
        var result = outcome.Result;
        _counts[result.Status] = _counts.GetValueOrDefault(result.Status) + 1;
        _failedRows?.Add(outcome);
        if (result.Status == CloseLeadStatus.Invalid)
        {
            var message = $"Row {result.Row}{(result.Name is null ? "" : $" ('{result.Name}')")} was not imported: {result.Reason}.";
            WriteError(new ErrorRecord(new InputFormatException(result.Reason ?? "", record: result.Row, item: outcome.Draft), ErrorRecords.InvalidLeadRow,
                ErrorCategory.InvalidData, outcome.Draft) { ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Correct the row and import it again." } });
        }
        else if (result.Status == CloseLeadStatus.Failed && _reportedLeads.Add(result.Name ?? ""))
        {
            var rows = string.Join(", ", _drafts.Where(d => d.Name == result.Name && d.IsValid).Select(d => d.Row));
            var category = outcome.Error is ServiceException service ? ErrorRecords.Service(service).CategoryInfo.Category : ErrorCategory.InvalidResult;
            WriteError(new ErrorRecord(outcome.Error ?? new InvalidOperationException(result.Reason), ErrorRecords.CloseLeadNotCreated, category, outcome.Draft)
            {
                ErrorDetails = new ErrorDetails($"The lead '{result.Name}' (row {rows}) was not created: {result.Reason}")
                {
                    RecommendedAction = "Run the import again for these rows (-FailedPath collects them); a lead is never created twice.",
                },
            });
        }
        WriteObject(result);
    }

    private void Summarize(TimeSpan elapsed)
    {
        int Count(CloseLeadStatus status) => _counts.GetValueOrDefault(status);
        var leads = _drafts.Where(d => d.IsValid).Select(d => d.Name).Distinct().Count();
        var text = $"Import-CloseLead: {_drafts.Count:N0} rows, {leads:N0} companies: {Count(CloseLeadStatus.Created):N0} rows created, " +
                   $"{Count(CloseLeadStatus.Skipped):N0} skipped (lead exists), {Count(CloseLeadStatus.Invalid):N0} invalid, " +
                   $"{Count(CloseLeadStatus.Failed):N0} failed, in {elapsed.TotalSeconds:N1} s." +
                   (_failedRows is null ? "" : $" {_failedRows.Count:N0} rows written to '{_failedPath}'.");
        WriteInformation(new HostInformationMessage { Message = text }, ["PSHOST"]);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => _failedRows?.Dispose();
}
