using System.Management.Automation;
using System.Text;
using SupportTools.PowerShell.Tests.Support;
using SupportTools.TestServer;
using SupportTools.TestServer.Freshdesk;

namespace SupportTools.PowerShell.Tests.Tickets;

/// <summary>
/// Get-FreshdeskActivityExport and Connect-Freshdesk in the hosted engine against the freshdesk mock: the pipeline into
/// Import-TicketActivity, progress, -WhatIf, the session's connection, and the key in no stream.
/// </summary>
public sealed class FreshdeskExportCmdletTests : ModuleTest, IAsyncLifetime
{
    private const string Key = FreshdeskMock.DefaultApiKey;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string Day1 = Day(Today.AddDays(-1)), Day2 = Day(Today.AddDays(-2)), Day3 = Day(Today.AddDays(-3));
    private readonly FreshdeskMock _mock = new(new FreshdeskMockOptions { FilesPerDay = 2, MissingDates = new HashSet<DateOnly> { Today.AddDays(-2) } });
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(_mock.Map);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private string Folder => Path.Combine(Ps.Directory, "exports");

    /// <summary>Defines $key, $uri and $out in the session.</summary>
    private void Session() => RunOk("""
        $global:key = ConvertTo-SecureString $args[0] -AsPlainText -Force
        $global:uri = $args[1]
        $global:out = $args[2]
        """, Key, _server.BaseUri, Folder);

    [Fact]
    public void The_files_pipe_into_Import_TicketActivity_with_progress_ending_Completed_and_the_key_in_no_stream()
    {
        Session();
        var database = Path.Combine(Ps.Directory, "support.db");

        var result = RunOk($"Get-FreshdeskActivityExport -Date '{Day1}', '{Day2}', '{Day3}' -OutputFolder $out -Domain acme.freshdesk.com -ApiKey $key -BaseUri $uri -Verbose | Import-TicketActivity -Database $args[0] -Verbose", database);

        var summaries = result.OfType("SupportTools.Tickets.ImportSummary");
        Assert.Equal([$"ticket_activities_{Day1}_1.json", $"ticket_activities_{Day1}_2.json", $"ticket_activities_{Day3}_1.json", $"ticket_activities_{Day3}_2.json"],
            summaries.Select(s => Path.GetFileName((string)P(s, "Path")!)));
        Assert.All(summaries, s => Assert.Equal(P(s, "Activities"), P(s, "Inserted")));
        Assert.Contains(result.Warnings, w => w.Contains($"no ticket-activity export for {Day2} (404)"));
        var fetching = result.Progress.Where(p => p.Activity == "Fetching Freshdesk ticket-activity exports").ToList();
        Assert.Contains(fetching, p => p.StatusDescription.StartsWith($"{Day3}: file 2 of 2", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, fetching[^1].RecordType);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":X"));
        Assert.All(result.Verbose.Concat(result.Warnings), line => Assert.DoesNotContain(Key, line));
        Assert.All(result.Verbose, line => Assert.DoesNotContain(basic, line));
        Assert.Contains(result.Verbose, line => line.Contains("X-Amz-Signature=***"));
        Assert.Equal(0, _mock.RefusedWithAuthorization);

        var durations = RunOk("Get-TicketDuration -Database $args[0]", database).OfType("SupportTools.Tickets.TicketDuration");
        Assert.True(durations.Count >= 20, $"{durations.Count} tickets");
        // Tickets in every stage of their life: a day's files hold openings, waits, resolutions.
        Assert.Subset(durations.Select(d => (string)P(d, "Status")!).ToHashSet(), new HashSet<string> { "Open", "Resolved" });
        Assert.Contains(durations, d => P(d, "TimeToFirstResponse") is not null);
    }

    [Fact]
    public void WhatIf_downloads_and_writes_nothing()
    {
        Session();

        var result = RunOk($"Get-FreshdeskActivityExport '{Day1}' $out -Domain acme.freshdesk.com -ApiKey $key -BaseUri $uri -WhatIf");

        Assert.Empty(result.Output);
        Assert.False(Directory.Exists(Folder));
        Assert.Equal(0, _mock.Downloads);
        Assert.Equal(1, _mock.Listings);
    }

    [Fact]
    public void A_rerun_keeps_the_files_and_still_passes_them_on_and_Force_replaces_them()
    {
        Session();
        var pull = $"Get-FreshdeskActivityExport '{Day1}' $out -Domain acme.freshdesk.com -ApiKey $key -BaseUri $uri";
        RunOk(pull);
        var first = Path.Combine(Folder, $"ticket_activities_{Day1}_1.json");
        File.WriteAllText(first, "{}");

        var again = RunOk(pull + " -Verbose");
        Assert.Equal(2, again.Output.Count);
        Assert.Equal("{}", File.ReadAllText(first));
        Assert.Contains(again.Verbose, line => line.Contains("is there already: kept"));
        Assert.Equal(2, _mock.Downloads);

        RunOk(pull + " -Force");
        Assert.Equal(_mock.FileContent(Today.AddDays(-1), 1), File.ReadAllBytes(first));
        Assert.Equal(4, _mock.Downloads);
    }

    [Fact]
    public void Connect_Freshdesk_keeps_the_account_for_the_session_and_never_shows_the_key()
    {
        Session();
        var none = Ps.Run($"Get-FreshdeskActivityExport '{Day1}' $out");
        Assert.Equal("InvalidArgument", Id(Assert.Single(none.AllErrors)));
        Assert.Contains("Connect-Freshdesk", none.AllErrors.Single().Exception.Message);

        var connection = RunOk("Connect-Freshdesk acme -ApiKey $key -BaseUri $uri -PassThru").Output.Single();
        Assert.Equal("acme.freshdesk.com", P(connection, "Domain"));
        var shown = RunOk("$c = Connect-Freshdesk acme -ApiKey $key -BaseUri $uri -PassThru; $c | Format-List * | Out-String; $c | Format-Table | Out-String; \"$c\"; $c | ConvertTo-Json").Output;
        Assert.All(shown, text => Assert.DoesNotContain(Key, (string)text.BaseObject));

        var files = RunOk($"Get-FreshdeskActivityExport '{Day1}' $out").Output;
        Assert.Equal(2, files.Count);
        Assert.Equal(2, _mock.Downloads);

        var elsewhere = Ps.Run($"Get-FreshdeskActivityExport '{Day1}' $out -BaseUri http://127.0.0.1:9");
        Assert.Equal("InvalidArgument", Id(Assert.Single(elsewhere.AllErrors)));
    }

    [Fact]
    public void An_old_day_is_refused_before_any_request()
    {
        Session();
        var old = Day(Today.AddDays(-31));

        var result = Ps.Run($"Get-FreshdeskActivityExport '{Day1}', '{old}' $out -Domain acme.freshdesk.com -ApiKey $key -BaseUri $uri");

        var error = Assert.Single(result.AllErrors);
        Assert.Equal("InvalidArgument", Id(error));
        Assert.Contains(old, error.Exception.Message);
        Assert.Equal(0, _mock.Listings);
    }

    [Fact]
    public void Stopping_after_the_first_file_leaves_no_partial_file()
    {
        Session();

        var result = RunOk($"Get-FreshdeskActivityExport '{Day1}', '{Day3}' $out -Domain acme.freshdesk.com -ApiKey $key -BaseUri $uri | Select-Object -First 1");

        Assert.Single(result.Output);
        Assert.Equal([$"ticket_activities_{Day1}_1.json"], Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)).ToList());
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }
}
