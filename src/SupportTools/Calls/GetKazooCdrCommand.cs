using System.Management.Automation;
using SupportTools.Calls;
using SupportTools.Calls.Kazoo;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Pulls an account's call detail records from a Kazoo crossbar as CallRecord objects, page by page.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KazooCdr", DefaultParameterSetName = ConnectionSet)]
[OutputType(typeof(CallRecord))]
public sealed class GetKazooCdrCommand : KazooCmdlet
{
    private const string ConnectionSet = "Connection";
    private KazooConnection? _connection;

    /// <summary>A connection from <c>Connect-Kazoo -PassThru</c>; default: the session's (from <c>Connect-Kazoo</c>).</summary>
    [Parameter(ParameterSetName = ConnectionSet)]
    [ValidateNotNull]
    public KazooConnection? Connection { get; set; }

    /// <summary>The start of the range: CDRs created (legs that ended) at or after this time.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public DateTimeOffset From { get; set; }

    /// <summary>The end of the range (exclusive); default: now.</summary>
    [Parameter(Position = 1)]
    public DateTimeOffset? To { get; set; }

    /// <summary>CDRs per page (crossbar's <c>page_size</c>), 1 to 1000.</summary>
    [Parameter]
    [ValidateRange(1, KazooCdrQuery.MaxPageSize)]
    public int PageSize { get; set; } = 100;

    /// <inheritdoc />
    protected override Uri? ConnectionBaseUri => _connection?.BaseUri;

    /// <inheritdoc />
    protected override void OnRecord()
    {
        var credential = GivenCredential();
        if (credential is null)
        {
            _connection = Connection ?? (BaseUri is null ? SessionConnections.Get<KazooConnection>() : null);
            if (_connection is null)
                ThrowTerminatingError(ErrorRecords.InvalidArgumentError(BaseUri is null
                    ? "Give -ApiKey or -Credential with -BaseUri, or run Connect-Kazoo first (or pass -Connection)."
                    : "Give -ApiKey or -Credential (with -AccountName) for the crossbar at -BaseUri.", null));
            credential = _connection!.Credential();
            WriteVerbose($"Kazoo: using the connection {_connection}.");
        }
        else
        {
            RequireBaseUri();
        }
        var options = ClientOptions(KazooCdrService.ServiceName, null);
        var query = new KazooCdrQuery
        {
            AccountId = AccountId ?? _connection?.AccountId,
            From = From,
            To = To ?? DateTimeOffset.UtcNow,
            PageSize = PageSize,
        };
        if (query.To <= query.From)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError($"-To ({query.To:O}) must be after -From ({query.From:O}).", query.To));
        // Rows that cannot be read travel through the same ordered queue and become errors on this thread.
        WriteAsync<object>("Pulling Kazoo CDRs", "CDRs",
            (reporter, emit, token) => KazooCdrService.PullAsync(options, credential, query, reporter, record => emit(record), problem => emit(problem), token),
            item =>
            {
                if (item is InputFormatException problem) WriteError(problem, problem.Item, ErrorRecords.HttpInvalidResponse);
                else WriteObject(item);
            });
    }
}
