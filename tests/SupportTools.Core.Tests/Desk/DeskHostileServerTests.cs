using System.Text.Json;
using SupportTools.Desk;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.TestServer.Desk;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Desk;

/// <summary>
/// Desk pulls against servers that misbehave as issue 14 found: a <c>next</c> link that changes only a nonce while the
/// cases repeat, a server that always has one more page, custom fields of two API eras, a credential echoed back.
/// </summary>
public sealed class DeskHostileServerTests
{
    private const string User = "agent@example.com", Password = "Hostile-pa55word";

    private static DeskMockOptions Site(int cases = 250) => new() { Cases = cases, Seed = 5, User = User, Password = Password };

    private static async Task<(List<DeskCase> Cases, RecordingReporter Reporter, IReadOnlyList<RecordedRequest> Requests, Exception? Error)> PullAsync(
        DeskMockOptions site, DeskCaseQuery query, Action<LoopbackServer>? arrange = null)
    {
        await using var server = await LoopbackServer.StartAsync(new DeskMock(site).Map);
        arrange?.Invoke(server);
        var cases = new List<DeskCase>();
        var reporter = new RecordingReporter();
        var service = new DeskService(new ServiceClientOptions
        {
            BaseUri = server.BaseUri,
            ServiceName = "Desk",
            Signer = new BasicAuthSigner(User, Password),
            BaseDelay = TimeSpan.FromMilliseconds(5),
        });
        Exception? error = null;
        try
        {
            await service.PullCasesAsync(query, reporter, cases.Add, null, CancellationToken.None);
        }
        catch (Exception e) when (e is DeskPageException or ServiceException)
        {
            error = e;
        }
        return (cases, reporter, server.Requests, error);
    }

    [Fact]
    public async Task A_next_link_that_changes_only_a_nonce_while_the_cases_repeat_is_DeskPagingLoop_after_one_repeat()
    {
        var pull = await PullAsync(Site(250) with { NonceLoopOnPage = 2 }, new DeskCaseQuery { PerPage = 50 });

        var error = Assert.IsType<DeskPageException>(pull.Error);
        Assert.Equal(DeskPageProblem.Loop, error.Problem);
        Assert.Contains("/api/v2/cases?page=2&per_page=50&nonce=1", error.PageUri.AbsoluteUri);
        Assert.Contains("its cases are the same as those of page 2", error.Message);
        Assert.Contains("stopped after 3 pages and 100 cases", error.Message);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long?)i), pull.Cases.Select(c => c.Id)); // each case once
        Assert.Equal(3, pull.Requests.Count);
    }

    [Fact]
    public async Task Custom_fields_of_two_API_eras_come_out_with_one_type_per_field_so_grouping_agrees()
    {
        var site = Site(120) with { MixedEras = true };
        var pull = await PullAsync(site, new DeskCaseQuery { PerPage = 20, IncludeCustomFields = true });

        Assert.Null(pull.Error);
        Assert.Equal("/api/v2/custom_fields?page=1&per_page=100", pull.Requests[0].PathAndQuery);
        Assert.Equal(120, pull.Cases.Count);
        var generator = new DeskCaseGenerator(site.Cases, site.Seed);
        for (var i = 0; i < pull.Cases.Count; i++)
        {
            var fields = pull.Cases[i].GetCustomFields();
            var expected = generator.Case(i);
            Assert.Equal(expected.FollowUp, (bool?)fields["follow_up"]);
            Assert.Equal(string.IsNullOrEmpty(expected.Seats) ? null : long.Parse(expected.Seats), (long?)fields["seats"]);
            Assert.Equal(expected.Tier, (string?)fields["tier"]);
        }
        // Both eras were on the wire (false on one page, "0" on another), and the groups are true, false and none only.
        Assert.Equal([typeof(bool)], pull.Cases.Select(c => c.GetCustomFields()["follow_up"]).OfType<object>().Select(v => v.GetType()).Distinct());
        Assert.Equal(3, pull.Cases.GroupBy(c => c.GetCustomFields()["follow_up"]).Count());
        Assert.Empty(pull.Reporter.Warnings);
    }

    [Fact]
    public async Task Without_the_field_list_the_values_stay_as_sent_and_a_warning_says_why()
    {
        var pull = await PullAsync(Site(40) with { MixedEras = true, NoCustomFieldList = true }, new DeskCaseQuery { PerPage = 20, IncludeCustomFields = true });

        Assert.Null(pull.Error);
        Assert.Equal(40, pull.Cases.Count);
        Assert.Contains("custom field values are kept as the API sent them", Assert.Single(pull.Reporter.Warnings));
        var followUps = pull.Cases.Select(c => c.GetCustomFields()["follow_up"]).OfType<object>().Select(v => v.GetType()).Distinct().ToList();
        Assert.Contains(typeof(string), followUps); // "0"/"1" from the older era
        Assert.Contains(typeof(bool), followUps);
    }

    [Fact]
    public async Task A_pull_without_custom_fields_does_not_ask_for_the_field_list()
    {
        var pull = await PullAsync(Site(40), new DeskCaseQuery { PerPage = 20 });

        Assert.DoesNotContain(pull.Requests, r => r.PathAndQuery.Contains("custom_fields", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_echoes_the_password_does_not_get_it_into_the_error()
    {
        var pull = await PullAsync(Site(40), new DeskCaseQuery(), server => server.Faults.Enqueue(Fault.EchoCredential(decoded: true)));

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.Authentication, error.Failure);
        Assert.Contains("bad credentials: user and password ***", error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }
}
