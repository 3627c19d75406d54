using System.Collections;
using System.Management.Automation;
using System.Security;
using SupportTools.Close;
using SupportTools.Http;

namespace SupportTools.Commands.Close;

/// <summary>
/// <para type="synopsis">Cleans lead rows and creates one Close lead per company, at the speed Close's rate limit allows, never twice.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CloseLead", DefaultParameterSetName = PathConnectionSet, SupportsShouldProcess = true)]
[OutputType(typeof(CloseLeadImportResult))]
public sealed class ImportCloseLeadCommand : CloseCmdlet
{
    private const string PathApiKeySet = "Path" + ApiKeySet, PathCredentialSet = "Path" + CredentialSet, PathConnectionSet = "Path" + ConnectionSet;
    private const string InputApiKeySet = "InputObject" + ApiKeySet, InputCredentialSet = "InputObject" + CredentialSet, InputConnectionSet = "InputObject" + ConnectionSet;
    private readonly List<CloseLeadDraft> _drafts = [];
    private readonly HashSet<string> _reportedLeads = new(StringComparer.Ordinal);
    private CloseLeadCleaner? _cleaner;
    private Dictionary<string, string>? _map;
    private System.Text.Encoding? _encoding;
    private SecureString? _key;
    private string? _failedPath;
    private long _piped;

    /// <summary>The lead CSV (columns Company, Contact, Title, Email, Phone, Address, City, State, Zip, Country, Revenue, Founded and custom fields).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathApiKeySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathCredentialSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathConnectionSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Rows with lead columns (e.g. from <c>Import-Csv</c>) or drafts from <c>ConvertTo-CloseLead</c>.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputApiKeySet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputCredentialSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputConnectionSet)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>The Close API key (e.g. <c>Get-Secret CloseApiKey</c>); or give -Credential, or -Connection, or run Connect-Close.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathApiKeySet)]
    [Parameter(Mandatory = true, ParameterSetName = InputApiKeySet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>A credential whose password is the Close API key (the user name is not used).</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathCredentialSet)]
    [Parameter(Mandatory = true, ParameterSetName = InputCredentialSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>A connection from <c>Connect-Close -PassThru</c>; default: the session's, when neither a key nor -BaseUri is given.</summary>
    [Parameter(ParameterSetName = PathConnectionSet)]
    [Parameter(ParameterSetName = InputConnectionSet)]
    [ValidateNotNull]
    public CloseConnection? Connection { get; set; }

    /// <summary>Other column names for the lead columns: <c>@{Company='Organisation'}</c>.</summary>
    [Parameter]
    public Hashtable? Map { get; set; }

    /// <summary>Close custom field names for columns whose field is named otherwise: <c>@{Founded='Founding Date'}</c>.</summary>
    [Parameter]
    public Hashtable? CustomFieldMap { get; set; }

    /// <summary>Exact .NET date formats for Founded (e.g. <c>d/M/yyyy</c>); they replace the numeric guesses.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? DateFormat { get; set; }

    /// <summary>The region of phone numbers written without a country code; default US.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PhoneRegionCompleter))]
    public string DefaultRegion { get; set; } = "US";

    /// <summary>The encoding of the -Path file (a name such as windows-1252 or a code page number); default: detected.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Encoding { get; set; }

    /// <summary>Creates a lead even when Close has one of exactly that name (no look-up before creating).</summary>
    [Parameter]
    public SwitchParameter AllowDuplicate { get; set; }

    /// <summary>Accepted for scripts written before looking up existing leads became the default; changes nothing.</summary>
    [Parameter]
    public SwitchParameter SkipExisting { get; set; }

    /// <summary>A CSV to write every row that was not imported to, with the reason (replaced when the run completes).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FailedPath { get; set; }

    /// <inheritdoc />
    protected override void OnBegin() => Guard(() =>
    {
        if (AllowDuplicate && SkipExisting)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError("-AllowDuplicate and -SkipExisting contradict each other: give one (leads that exist are skipped by default).", null));
        _key = ResolveKey(ApiKey, Credential, Connection, optional: WhatIfGiven);
        try
        {
            (_cleaner, _map) = CloseLeadInput.Cleaning(Map, DateFormat, DefaultRegion);
            _encoding = Encoding is null ? null : CloseLeadFile.EncodingNamed(Encoding);
        }
        catch (InvalidRequestException exception)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(exception.Message, null));
        }
        if (FailedPath is not null) _failedPath = Paths.RequireOutputFile(FailedPath);
    });

    /// <inheritdoc />
    protected override void OnRecord() => Guard(() =>
    {
        if (ParameterSetName.StartsWith("Path", StringComparison.Ordinal))
        {
            ReadFile();
            return;
        }
        if (InputObject?.BaseObject is null) return;
        _piped++;
        try
        {
            _drafts.Add(InputObject.BaseObject as CloseLeadDraft ?? _cleaner!.Clean(CloseLeadInput.From(InputObject, _piped, _map)));
        }
        catch (InvalidRequestException exception)
        {
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Message, record: _piped, item: InputObject), ErrorRecords.InvalidInputObject));
        }
    });

    private void ReadFile()
    {
        // A folder: say to give the file (the shared message offers -Recurse, which this cmdlet has not).
        var unresolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
        if (provider.Name == "FileSystem" && Directory.Exists(unresolved)) ThrowTerminatingError(ErrorRecords.FolderGiven(unresolved));
        var files = Paths.InputFiles(Path, literal: false, recurse: false, "*.csv");
        if (files.Count > 1)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError($"-Path '{Path}' matches {files.Count} files; import one file at a time.", Path));
        foreach (var file in files)
        {
            try
            {
                _drafts.AddRange(CloseLeadFile.Read(file, _map, _encoding, WriteVerbose).Select(_cleaner!.Clean));
            }
            catch (Exception exception) when (ErrorRecords.From(exception, file, ErrorRecords.InvalidInputFile) is { } error)
            {
                ThrowTerminatingError(error);
            }
        }
    }

    /// <inheritdoc />
    protected override void OnEnd() => Guard(() =>
    {
        if (_drafts.Count == 0) return;
        var service = new CloseLeadService(_key is null ? null : CloseOptions(_key, CloseLeadService.Concurrency));
        var import = service.BeginImport(new CloseLeadImportRequest
        {
            Drafts = _drafts,
            CustomFieldMap = FieldNames(CustomFieldMap),
            AllowDuplicate = AllowDuplicate,
            FailedPath = WhatIfGiven ? null : _failedPath,
        });
        foreach (var plan in import.Plans)
        {
            var target = $"'{plan.Name}' (row {string.Join(", ", plan.Rows.Select(r => r.Row))})";
            if (ShouldProcess($"Creating the Close lead {target}.", $"Create the Close lead {target}?", "Create Close lead", out var reason)) continue;
            if (reason == ShouldProcessReason.WhatIf) import.Preview(plan);
            else import.Decline(plan);
        }
        var stopped = false;
        try
        {
            WriteAsync<CloseLeadOutcome>("Importing Close leads", "leads", import.RunAsync, Report);
        }
        catch (Exception exception) when (exception is PipelineStoppedException or OperationCanceledException)
        {
            stopped = true; // Ctrl+C or a downstream Select-Object -First: no summary
            throw;
        }
        finally
        {
            // Also when the run ended with an error: the counts say what happened to every row before it.
            if (!stopped) WriteInformation(new HostInformationMessage { Message = import.Summary.ToString() }, ["PSHOST"]);
        }
    });

    private bool WhatIfGiven => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var flag) && flag is SwitchParameter { IsPresent: true };

    /// <summary>Writes a row's result, and its error: one per invalid row, one per lead that failed or whose creation is unknown.</summary>
    private void Report(CloseLeadOutcome outcome)
    {
        var result = outcome.Result;
        if (result.Status == CloseLeadStatus.Invalid)
        {
            var message = $"Row {result.Row}{(result.Name is null ? "" : $" ('{result.Name}')")} was not imported: {result.Reason}.";
            WriteError(new ErrorRecord(new InputFormatException(result.Reason ?? "", record: result.Row, item: outcome.Draft), ErrorRecords.InvalidLeadRow,
                ErrorCategory.InvalidData, outcome.Draft) { ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Correct the row and import it again." } });
        }
        else if (result.Status is CloseLeadStatus.Failed or CloseLeadStatus.Unknown && outcome.Error is { } error && _reportedLeads.Add(result.Name ?? ""))
        {
            WriteError(LeadError(outcome, error));
        }
        WriteObject(result);
    }

    private ErrorRecord LeadError(CloseLeadOutcome outcome, Exception error)
    {
        var result = outcome.Result;
        var rows = string.Join(", ", _drafts.Where(d => d.Name == result.Name && d.IsValid).Select(d => d.Row));
        var (id, category, text, action) = (result.Status, error) switch
        {
            (CloseLeadStatus.Unknown, _) => (ErrorRecords.CloseLeadOutcomeUnknown, ErrorCategory.OperationTimeout,
                $"The lead '{result.Name}' (row {rows}) may or may not have been created: {result.Reason}",
                "Run the import again for these rows (-FailedPath collects them): the lead is looked up by name first and created only if Close has none."),
            (_, ServiceException service) => (ErrorRecords.CloseLeadNotCreated, ErrorRecords.Category(service.Kind),
                $"The lead '{result.Name}' (row {rows}) was not created: {result.Reason}",
                "Run the import again for these rows (-FailedPath collects them); a lead is never created twice."),
            _ => (ErrorRecords.UnexpectedError, ErrorCategory.NotSpecified,
                $"The lead '{result.Name}' (row {rows}) was not created: an unexpected {error.GetType().Name}: {error.Message}",
                "Please report this (with the -Verbose output); run the import again for these rows."),
        };
        return new ErrorRecord(error, id, category, outcome.Draft) { ErrorDetails = new ErrorDetails(text) { RecommendedAction = action } };
    }
}
