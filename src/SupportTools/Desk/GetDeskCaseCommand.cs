using System.Management.Automation;
using SupportTools.Desk;
using SupportTools.Http;

namespace SupportTools.Commands.Desk;

/// <summary>
/// <para type="synopsis">Pulls every case from a Desk (API v2) site, page by page, as flat DeskCase objects.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "DeskCase", DefaultParameterSetName = SessionSet)]
[OutputType(typeof(DeskCase))]
public sealed class GetDeskCaseCommand : DeskCmdlet
{
    private const string ConnectionSet = "Connection", SessionSet = "Session";

    /// <summary>A connection from <c>Connect-Desk -PassThru</c>: its address and credentials.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ConnectionSet)]
    [ValidateNotNull]
    public DeskConnection? Connection { get; set; }

    /// <summary>Cases per page, 1 to 100 (Desk's maximum).</summary>
    [Parameter]
    [ValidateRange(1, DeskCaseQuery.MaxPerPage)]
    public int PerPage { get; set; } = DeskCaseQuery.MaxPerPage;

    /// <summary>Only cases in these statuses (Desk's case search).</summary>
    [Parameter]
    [ValidateSet("new", "open", "pending", "resolved", "closed")]
    public string[]? Status { get; set; }

    /// <summary>Only cases updated (or, with <c>-SinceField Created</c>, created) at or after this time (Desk's case search).</summary>
    [Parameter]
    public DateTimeOffset? Since { get; set; }

    /// <summary>Which time <c>-Since</c> compares: Updated (default) or Created.</summary>
    [Parameter]
    public DeskSinceField SinceField { get; set; } = DeskSinceField.Updated;

    /// <summary>Adds each case's custom fields as <c>Custom_&lt;name&gt;</c> properties.</summary>
    [Parameter]
    public SwitchParameter IncludeCustomField { get; set; }

    /// <summary>The most pages one pull follows; past it the pull stops as a paging loop (DeskPagingLoop).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxPages { get; set; } = 100_000;

    /// <inheritdoc />
    protected override Uri? ConnectionBaseUri => UsedConnection?.BaseUri;

    /// <summary>The connection this call uses: -Connection, else the session's when neither credentials nor -BaseUri are given.</summary>
    private DeskConnection? UsedConnection => ParameterSetName switch
    {
        ConnectionSet => Connection,
        SessionSet when BaseUri is null => SessionConnections.Get<DeskConnection>(),
        _ => null,
    };

    /// <inheritdoc />
    protected override void OnRecord()
    {
        if (ParameterSetName == SessionSet && UsedConnection is null)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(BaseUri is null
                ? $"Give your Desk site's address and credentials (-BaseUri {DefaultBaseUri} -Credential ...), or run Connect-Desk first."
                : "Give -Credential (or -OAuthConsumer and -OAuthToken) with -BaseUri: the session's Desk connection is only used when neither is given.", BaseUri));
        RequireBaseUri();
        var options = ClientOptions("Desk", Signer(UsedConnection ?? GivenConnection(ServiceUri)));
        var query = new DeskCaseQuery
        {
            PerPage = PerPage,
            Status = Status ?? [],
            Since = Since,
            SinceField = SinceField,
            IncludeCustomFields = IncludeCustomField,
            MaxPages = MaxPages,
        };
        var service = new DeskService(options);
        // Entries that are not valid cases travel through the same ordered queue and become errors on this thread.
        WriteAsync<object>("Pulling Desk cases", "cases",
            (reporter, emit, token) => service.PullCasesAsync(query, reporter,
                deskCase => emit(IncludeCustomField ? WithCustomFields(deskCase) : deskCase), emit, token),
            item =>
            {
                if (item is DeskPageException invalid) WriteError(invalid, invalid.PageUri);
                else WriteObject(item);
            });
    }

    /// <summary>The case with a <c>Custom_&lt;name&gt;</c> note property per custom field (Export-Csv writes them as columns).</summary>
    private static PSObject WithCustomFields(DeskCase deskCase)
    {
        var wrapped = PSObject.AsPSObject(deskCase);
        foreach (var (name, value) in deskCase.GetCustomFields())
            wrapped.Properties.Add(new PSNoteProperty("Custom_" + name, value));
        return wrapped;
    }
}
