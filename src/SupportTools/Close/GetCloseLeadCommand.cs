using System.Collections;
using System.Management.Automation;
using System.Security;
using SupportTools.Close;
using SupportTools.Http;

namespace SupportTools.Commands.Close;

/// <summary>
/// <para type="synopsis">Gets the Close leads founded in a date range, with state and revenue, in one search.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CloseLead")]
[OutputType(typeof(CloseLead))]
public sealed class GetCloseLeadCommand : HttpCmdlet
{
    /// <summary>The Close API key (e.g. <c>Get-Secret CloseApiKey</c>); or give -Credential.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>A credential whose password is the Close API key; or give -ApiKey.</summary>
    [Parameter]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The first founding date (inclusive); a date or date text.</summary>
    [Parameter]
    public DateTime? From { get; set; }

    /// <summary>The last founding date (inclusive).</summary>
    [Parameter]
    public DateTime? To { get; set; }

    /// <summary>Close custom field names where they differ from Founded and Revenue: <c>@{Founded='Founding Date'}</c>.</summary>
    [Parameter]
    public Hashtable? CustomFieldMap { get; set; }

    /// <inheritdoc />
    protected override Uri DefaultBaseUri { get; } = new("https://api.close.com");

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (ApiKey is not null && Credential is not null)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError("Give -ApiKey or -Credential, not both.", null));
        if (From > To)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError($"-From ({From:yyyy-MM-dd}) is after -To ({To:yyyy-MM-dd}).", null));
        var key = ApiKey is not null ? Reveal(ApiKey) : Credential is not null ? Reveal(Credential) : null;
        if (string.IsNullOrWhiteSpace(key))
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError("Give the Close API key with -ApiKey (a SecureString, e.g. from Get-Secret) or -Credential.", null));
        var options = ClientOptions("Close", new BasicAuthSigner(key!, ""));
        DateOnly? from = From is { } f ? DateOnly.FromDateTime(f) : null, to = To is { } t ? DateOnly.FromDateTime(t) : null;
        var map = CloseLeadInput.Names(CustomFieldMap);
        try
        {
            WriteAsync<CloseLead>("Reading Close leads", "leads", (reporter, emit, token) => CloseLeadQuery.RunAsync(options, map, from, to, reporter, emit, token));
        }
        catch (CloseFieldNotFoundException exception)
        {
            ThrowTerminatingError(new ErrorRecord(exception, ErrorRecords.CloseCustomFieldNotFound, ErrorCategory.ObjectNotFound, string.Join(", ", exception.Missing)));
        }
    }
}
