using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SupportTools.Calls.Kazoo;

/// <summary>
/// How to get a Kazoo crossbar auth token: an account's API key (<c>PUT /v2/api_auth</c>) or a user's name and password
/// (<c>PUT /v2/user_auth</c>, which takes the MD5 of <c>user:password</c> and the account's name). The secret is only
/// ever put in the authentication request's body; <see cref="ToString"/> never shows it.
/// </summary>
public sealed class KazooCredential
{
    private readonly string _secret;

    private KazooCredential(bool isApiKey, string secret, string? userName, string? accountName)
    {
        IsApiKey = isApiKey;
        _secret = secret;
        UserName = userName;
        AccountName = accountName;
    }

    /// <summary>Authenticates with the account's API key (<c>api_key</c> of the account document).</summary>
    public static KazooCredential FromApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        return new KazooCredential(true, apiKey, null, null);
    }

    /// <summary>
    /// Authenticates as a user of the account named <paramref name="accountName"/>: crossbar receives
    /// <c>md5("user:password")</c> (hex), never the password itself.
    /// </summary>
    public static KazooCredential FromUser(string userName, string password, string? accountName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        var hash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(userName + ":" + password))).ToLowerInvariant();
        return new KazooCredential(false, hash, userName, string.IsNullOrWhiteSpace(accountName) ? null : accountName);
    }

    /// <summary>True for an API key, false for a user and password.</summary>
    public bool IsApiKey { get; }

    /// <summary>The user's name (null for an API key).</summary>
    public string? UserName { get; }

    /// <summary>The account's name the user belongs to (null when not given, and for an API key).</summary>
    public string? AccountName { get; }

    /// <summary>What the authentication body carries: the API key, or the md5 of user and password (a secret too).</summary>
    internal string Secret => _secret;

    /// <summary>The authentication resource: <c>/v2/api_auth</c> or <c>/v2/user_auth</c>.</summary>
    internal string Target => IsApiKey ? "/v2/api_auth" : "/v2/user_auth";

    /// <summary>The authentication request's body, e.g. <c>{"data":{"api_key":"…"}}</c>.</summary>
    internal JsonObject Body()
    {
        var data = new JsonObject();
        if (IsApiKey)
        {
            data["api_key"] = _secret;
        }
        else
        {
            data["credentials"] = _secret;
            if (AccountName is not null) data["account_name"] = AccountName;
        }
        return new JsonObject { ["data"] = data };
    }

    /// <inheritdoc />
    public override string ToString() => IsApiKey ? "an API key" : AccountName is null ? $"user {UserName}" : $"user {UserName} of account {AccountName}";
}
