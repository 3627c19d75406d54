using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;
using SupportTools.TestServer;
using SupportTools.TestServer.Desk;

namespace SupportTools.PowerShell.Tests.Desk;

/// <summary>
/// Connect-Desk keeps a connection for the session (issue 14, "one connection per session"); Get-DeskCase uses it when
/// given neither credentials nor -BaseUri, or takes -Connection; and Get-DeskCase against hostile servers as a user sees it.
/// </summary>
public sealed class ConnectDeskTests : ModuleTest, IAsyncLifetime
{
    private const string User = "agent@example.com", Password = "Connect-pa55-never-shown";
    private const string ConsumerSecret = "consumer-secret-never-shown", TokenSecret = "token-secret-never-shown";
    private readonly DeskMockOptions _site = new()
    {
        Cases = 120, Seed = 3, User = User, Password = Password,
        OAuth = ("consumer-key", ConsumerSecret, "access-token", TokenSecret),
    };
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(new DeskMock(_site).Map);
        RunOk("""
            $global:uri = $args[0]
            $global:cred = [pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force))
            $global:consumer = [pscredential]::new('consumer-key', (ConvertTo-SecureString $args[3] -AsPlainText -Force))
            $global:token = [pscredential]::new('access-token', (ConvertTo-SecureString $args[4] -AsPlainText -Force))
            """, _server.BaseUri, User, Password, ConsumerSecret, TokenSecret);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void After_Connect_Desk_Get_DeskCase_needs_neither_credentials_nor_BaseUri()
    {
        var connected = RunOk("Connect-Desk -BaseUri $uri -Credential $cred").Output;
        var cases = RunOk("Get-DeskCase -PerPage 50").Output;

        Assert.Empty(connected); // nothing without -PassThru
        Assert.Equal(120, cases.Count);
        Assert.All(_server.Requests, r => Assert.StartsWith("Basic ", r.Headers["Authorization"]));
    }

    [Fact]
    public void PassThru_writes_a_connection_that_shows_no_secret_and_Connection_uses_it()
    {
        var connection = RunOk("Connect-Desk -BaseUri $uri -OAuthConsumer $consumer -OAuthToken $token -PassThru").Output.Single();
        var shown = RunOk("$args[0] | Format-List * | Out-String -Width 200; $args[0] | Format-Table | Out-String -Width 120; $args[0] | ConvertTo-Json", connection).Output;
        var cases = RunOk("Get-DeskCase -Connection $args[0] -PerPage 100", connection).Output;

        Assert.Equal("SupportTools.Commands.Desk.DeskConnection", connection.BaseObject.GetType().FullName);
        Assert.Equal(("Desk", "consumer-key", "OAuth"), ((string)P(connection, "Service")!, (string)P(connection, "UserName")!, (string)P(connection, "Authentication")!));
        var text = string.Join("\n", shown.Select(o => o.ToString()));
        Assert.Contains("consumer-key", text);
        Assert.DoesNotContain(ConsumerSecret, text);
        Assert.DoesNotContain(TokenSecret, text);
        Assert.DoesNotContain("access-token", text);
        Assert.Equal(120, cases.Count);
        Assert.All(_server.Requests, r => Assert.StartsWith("OAuth ", r.Headers["Authorization"]));
    }

    [Fact]
    public void Without_a_connection_or_with_BaseUri_but_no_credentials_the_error_says_what_to_give()
    {
        var none = Ps.Run("Get-DeskCase");
        RunOk("Connect-Desk -BaseUri $uri -Credential $cred");
        var baseUriOnly = Ps.Run("Get-DeskCase -BaseUri $uri");

        var error = Assert.Single(none.AllErrors);
        Assert.Equal(("InvalidArgument", ErrorCategory.InvalidArgument), (Id(error), error.CategoryInfo.Category));
        Assert.Contains("Connect-Desk", error.Exception.Message);
        error = Assert.Single(baseUriOnly.AllErrors);
        Assert.Equal("InvalidArgument", Id(error));
        Assert.Contains("Give -Credential (or -OAuthConsumer and -OAuthToken) with -BaseUri", error.Exception.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Explicit_credentials_win_over_the_session_connection_and_a_later_Connect_Desk_replaces_it()
    {
        RunOk("Connect-Desk -BaseUri http://127.0.0.1:9 -Credential $cred");
        var explicitCases = RunOk("Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 100").Output;
        RunOk("Connect-Desk -BaseUri $uri -Credential $cred");
        var sessionCases = RunOk("Get-DeskCase -PerPage 100").Output;

        Assert.Equal(120, explicitCases.Count);
        Assert.Equal(120, sessionCases.Count);
    }

    [Fact]
    public void A_connection_is_not_sent_to_another_BaseUri()
    {
        var connection = RunOk("Connect-Desk -BaseUri $uri -Credential $cred -PassThru").Output.Single();

        var other = Ps.Run("Get-DeskCase -Connection $args[0] -BaseUri http://127.0.0.1:9", connection);
        var same = RunOk("Get-DeskCase -Connection $args[0] -BaseUri $uri -PerPage 100", connection).Output;

        var error = Assert.Single(other.AllErrors);
        Assert.Equal("InvalidArgument", Id(error));
        Assert.Contains("The connection is for", error.Exception.Message);
        Assert.Contains("Leave -BaseUri out", error.Exception.Message);
        Assert.Equal(120, same.Count);
    }

    [Fact]
    public void Connections_are_per_session()
    {
        RunOk("Connect-Desk -BaseUri $uri -Credential $cred");
        using var other = new ModuleSession();

        var result = other.Run("Get-DeskCase");

        Assert.Equal("InvalidArgument", Id(Assert.Single(result.AllErrors)));
    }

    [Fact]
    public void Connect_Desk_needs_an_address_of_scheme_host_and_port()
    {
        Assert.Equal("InvalidArgument", Id(Assert.Single(Ps.Run("Connect-Desk -Credential $cred").AllErrors)));
        Assert.Equal("InvalidArgument", Id(Assert.Single(Ps.Run("Connect-Desk -BaseUri 'https://site.desk.com/api/v2' -Credential $cred").AllErrors)));
    }

    [Fact]
    public void A_huge_page_is_HttpResponseTooLarge_after_one_request_naming_the_page()
    {
        _server.Faults.Enqueue(Fault.HugeBody(200L * 1024 * 1024, declareLength: true), r => r.QueryString.Value!.Contains("page=2"));

        var result = Ps.Run("Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 50");

        var error = Assert.Single(result.AllErrors);
        Assert.Equal(("HttpResponseTooLarge", ErrorCategory.InvalidResult), (Id(error), error.CategoryInfo.Category));
        Assert.Contains("/api/v2/cases?page=2&per_page=50", error.Exception.Message);
        Assert.Contains("64 MiB", error.Exception.Message);
        Assert.Equal(50, result.Output.Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public void A_redirect_to_another_site_is_HttpRedirectRefused_and_a_same_site_one_is_followed_with_a_verbose_line()
    {
        _server.Faults.Enqueue(Fault.Redirect("/api/v2/cases?page=1&per_page=100", 301), r => r.QueryString.Value!.Contains("per_page=60"));
        var followed = RunOk("Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 60 -Verbose 4>&1").Output;
        _server.Faults.Enqueue(Fault.Redirect("https://elsewhere.example/api/v2/cases"));
        var refused = Ps.Run("Get-DeskCase -BaseUri $uri -Credential $cred");

        Assert.Contains(followed, o => o.BaseObject is VerboseRecord v && v.Message.Contains("following the redirect to /api/v2/cases?page=1&per_page=100 (same origin)"));
        Assert.Equal(120, followed.Count(o => o.BaseObject is not VerboseRecord));
        var error = Assert.Single(refused.AllErrors);
        Assert.Equal(("HttpRedirectRefused", ErrorCategory.SecurityError), (Id(error), error.CategoryInfo.Category));
        Assert.Contains("https://elsewhere.example/api/v2/cases", error.Exception.Message);
    }

    [Fact]
    public void A_server_that_echoes_the_credential_does_not_get_it_into_the_error_record()
    {
        _server.Faults.Enqueue(Fault.EchoCredential());

        var result = Ps.Run("Get-DeskCase -BaseUri $uri -Credential $cred");

        var error = Assert.Single(result.AllErrors);
        Assert.Equal("HttpAuthenticationFailed", Id(error));
        var everything = error.Exception.Message + error.ErrorDetails?.Message + error.ToString() + (error.Exception as dynamic).ServiceMessage;
        Assert.Contains("bad credentials: Basic ***", everything);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(User + ":" + Password)), everything);
        Assert.DoesNotContain(Password, everything);
    }
}
