using System.Collections;
using System.Management.Automation;
using System.Security;
using SupportTools.Http;

namespace SupportTools.Commands.Close;

/// <summary>
/// What the cmdlets that call Close share: the key (<c>-ApiKey</c> or <c>-Credential</c>, revealed only to the HTTP
/// layer as the basic-auth user with an empty password), <c>-CustomFieldMap</c>, and Close's address.
/// </summary>
public abstract class CloseCmdlet : HttpCmdlet
{
    private const string MissingKey = "Give the Close API key with -ApiKey (a SecureString, e.g. from Get-Secret) or -Credential.";

    /// <summary>The Close API key (e.g. <c>Get-Secret CloseApiKey</c>); or give -Credential.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>A credential whose password is the Close API key (the user name is not used); or give -ApiKey.</summary>
    [Parameter]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>Close custom field names for columns whose field is named otherwise: <c>@{Founded='Founding Date'}</c>.</summary>
    [Parameter]
    public Hashtable? CustomFieldMap { get; set; }

    /// <inheritdoc />
    protected override Uri DefaultBaseUri { get; } = new("https://api.close.com");

    /// <summary>Terminates unless exactly one of -ApiKey and -Credential was given (none is allowed when <paramref name="keyOptional"/>).</summary>
    protected void RequireOneKey(bool keyOptional = false)
    {
        if (ApiKey is not null && Credential is not null)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError("Give -ApiKey or -Credential, not both.", null));
        if (ApiKey is null && Credential is null && !keyOptional)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(MissingKey, null));
    }

    /// <summary>The client options for Close at -BaseUri, signed with the key.</summary>
    protected ServiceClientOptions CloseOptions()
    {
        var key = ApiKey is not null ? Reveal(ApiKey) : Credential is not null ? Reveal(Credential) : null;
        if (string.IsNullOrWhiteSpace(key)) ThrowTerminatingError(ErrorRecords.InvalidArgumentError(MissingKey, null));
        return ClientOptions("Close", new BasicAuthSigner(key!, "")); // Close: the key is the user, the password empty
    }

    /// <summary>-CustomFieldMap as a case-insensitive dictionary.</summary>
    protected IReadOnlyDictionary<string, string> FieldNames => CloseLeadInput.Names(CustomFieldMap);

    /// <summary>Terminates with CloseCustomFieldNotFound (ObjectNotFound) for fields Close does not have.</summary>
    protected void FieldsMissing(SupportTools.Close.CloseFieldNotFoundException exception) =>
        ThrowTerminatingError(new ErrorRecord(exception, ErrorRecords.CloseCustomFieldNotFound, ErrorCategory.ObjectNotFound, string.Join(", ", exception.Missing)));
}
