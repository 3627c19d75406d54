using System.Globalization;
using System.Management.Automation;
using System.Security;
using SupportTools.Http;
using SupportTools.Tickets.Freshdesk;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Downloads Freshdesk's daily ticket-activity export files into a folder, as files that pipe into Import-TicketActivity.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "FreshdeskActivityExport", DefaultParameterSetName = SessionSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class GetFreshdeskActivityExportCommand : HttpCmdlet
{
    private const string ApiKeySet = "ApiKey", CredentialSet = "Credential", ConnectionSet = "Connection", SessionSet = "Session";

    private readonly List<DateOnly> _dates = [];

    /// <summary>The days whose exports to fetch (Freshdesk's <c>created_at</c>): dates, or text such as <c>2026-12-01</c>; the time of day is ignored.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public DateTimeOffset[] Date { get; set; } = [];

    /// <summary>The folder the files go to (created when missing).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string OutputFolder { get; set; } = "";

    /// <summary>The account's host name, e.g. <c>acme.freshdesk.com</c>.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [ValidateNotNullOrEmpty]
    public string? Domain { get; set; }

    /// <summary>The API key of an administrator.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>The API key as a credential's password (e.g. from <c>Get-Secret</c>); the user name is not used.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>A connection from <c>Connect-Freshdesk -PassThru</c> (default: the session's).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ConnectionSet)]
    [ValidateNotNull]
    public FreshdeskConnection? Connection { get; set; }

    /// <summary>Downloads and replaces files that are already in the folder (else they are kept).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>https://&lt;Domain&gt;.</summary>
    protected override Uri DefaultBaseUri =>
        Domain is null ? new Uri("https://yourcompany.freshdesk.com") : FreshdeskExportService.AccountAddress(Domain);

    /// <inheritdoc />
    protected override Uri? ConnectionBaseUri => ParameterSetName is ApiKeySet or CredentialSet ? null : UsedConnection()?.BaseUri;

    /// <inheritdoc />
    protected override void OnRecord()
    {
        foreach (var date in Date) _dates.Add(DateOnly.FromDateTime(date.DateTime));
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        var (key, account) = Credentials();
        var api = ClientOptions("Freshdesk", new BasicAuthSigner(Reveal(key), "X"));
        var folder = OutputFolderPath();
        WriteVerbose($"Fetching the ticket-activity exports of {account} for {_dates.Distinct().Count()} day(s) into '{folder}'.");
        var service = new FreshdeskExportService();
        WriteAsync<object>("Fetching Freshdesk ticket-activity exports", "days",
            (reporter, emit, token) => service.PullAsync(new FreshdeskExportRequest
            {
                Api = api,
                Dates = _dates,
                OutputFolder = folder,
                Force = Force,
                // ShouldProcess belongs to the pipeline thread: the work asks through the output queue and waits.
                Approve = (download, waiting) =>
                {
                    var approval = new Approval(download);
                    emit(approval);
                    return approval.Answered.WaitAsync(waiting);
                },
            }, reporter, file => emit(file), failure => emit(failure), token),
            item =>
            {
                switch (item)
                {
                    case FileInfo file:
                        // Through the provider, so the objects carry PSPath as Get-ChildItem's do (-LiteralPath binds it).
                        WriteObject(SessionState.InvokeProvider.Item.Get([file.FullName], false, true), enumerateCollection: true);
                        break;
                    case FreshdeskExportFailure failure:
                        WriteError(failure.Exception, failure.Target);
                        break;
                    case Approval approval:
                        approval.Answer(ShouldProcess(approval.Download.TargetPath, Describe(approval.Download)));
                        break;
                }
            });
    }

    private static string Describe(FreshdeskExportDownload download)
    {
        var day = download.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var which = download.Count > 1 ? $" (file {download.Index} of {download.Count})" : "";
        return download.Replaces ? $"Replace with Freshdesk's ticket-activity export of {day}{which}" : $"Download Freshdesk's ticket-activity export of {day}{which}";
    }

    private (SecureString Key, string Account) Credentials()
    {
        if (ParameterSetName == ApiKeySet)
            return (ApiKey!, FreshdeskExportService.AccountAddress(Domain!).Host);
        if (ParameterSetName == CredentialSet)
            return (Credential!.Password, FreshdeskExportService.AccountAddress(Domain!).Host);
        if (BaseUri is not null)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(
                "-BaseUri needs -Domain with -ApiKey or -Credential: a connection's key is only ever sent to the address it was made for.", BaseUri));
        var connection = UsedConnection();
        if (connection is null)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(
                "No Freshdesk connection in this session: run Connect-Freshdesk -Domain <x.freshdesk.com> -ApiKey <key> first, or give -Domain with -ApiKey or -Credential (or -Connection).", null));
        return (connection!.ApiKey, connection.Domain);
    }

    private FreshdeskConnection? UsedConnection() => Connection ?? SessionConnections.Get<FreshdeskConnection>();

    private string OutputFolderPath()
    {
        var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputFolder, out var provider, out _);
        if (provider.Name != "FileSystem")
            ThrowTerminatingError(ErrorRecords.NotAFile(OutputFolder, provider.Name));
        if (File.Exists(full))
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError($"-OutputFolder '{full}' is a file; give a folder.", full));
        return full;
    }

    /// <summary>A file the work asks to write, waiting for the pipeline thread's <c>ShouldProcess</c>.</summary>
    private sealed class Approval(FreshdeskExportDownload download)
    {
        private readonly TaskCompletionSource<bool> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public FreshdeskExportDownload Download { get; } = download;

        public Task<bool> Answered => _answer.Task;

        public void Answer(bool yes) => _answer.TrySetResult(yes);
    }
}
