using System.Collections;
using System.Management.Automation;
using System.Security;
using SupportTools.Close;

namespace SupportTools.Commands.Close;

/// <summary>
/// <para type="synopsis">Gets the Close leads founded in a date range, with state and revenue, in one search.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CloseLead", DefaultParameterSetName = ConnectionSet)]
[OutputType(typeof(CloseLead))]
public sealed class GetCloseLeadCommand : CloseCmdlet
{
    /// <summary>The Close API key (e.g. <c>Get-Secret CloseApiKey</c>); or give -Credential, or -Connection, or run Connect-Close.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>A credential whose password is the Close API key (the user name is not used).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>A connection from <c>Connect-Close -PassThru</c>; default: the session's, when neither a key nor -BaseUri is given.</summary>
    [Parameter(ParameterSetName = ConnectionSet)]
    [ValidateNotNull]
    public CloseConnection? Connection { get; set; }

    /// <summary>The first founding date (inclusive); a date or date text.</summary>
    [Parameter]
    public DateTime? From { get; set; }

    /// <summary>The last founding date (inclusive).</summary>
    [Parameter]
    public DateTime? To { get; set; }

    /// <summary>Close custom field names for Founded and Revenue when they are named otherwise: <c>@{Founded='Founding Date'}</c>.</summary>
    [Parameter]
    public Hashtable? CustomFieldMap { get; set; }

    /// <inheritdoc />
    protected override void OnEnd() => Guard(() =>
    {
        var key = ResolveKey(ApiKey, Credential, Connection)!;
        if (From > To)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError($"-From ({From:yyyy-MM-dd}) is after -To ({To:yyyy-MM-dd}).", null));
        var service = new CloseLeadService(CloseOptions(key));
        DateOnly? from = From is { } f ? DateOnly.FromDateTime(f) : null, to = To is { } t ? DateOnly.FromDateTime(t) : null;
        var map = FieldNames(CustomFieldMap);
        WriteAsync<CloseLead>("Reading Close leads", "leads", (reporter, emit, token) => service.GetLeadsAsync(from, to, map, reporter, emit, token));
    });
}
