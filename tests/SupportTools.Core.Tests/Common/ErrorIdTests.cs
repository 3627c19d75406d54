using System.Reflection;
using SupportTools.Calls;
using SupportTools.Close;
using SupportTools.Desk;
using SupportTools.Http;
using SupportTools.Storage;

namespace SupportTools.Tests;

/// <summary>
/// Every exception that reaches users says its own stable error id and kind (issue 12): the ids are the ones scripts
/// and tests already match on through FullyQualifiedErrorId, so this table must never change, only grow.
/// </summary>
public class ErrorIdTests
{
    private static readonly Uri Page = new("http://127.0.0.1:1/api/v2/cases?page=2");

    /// <summary>One instance of every concrete failure of every SupportToolsException, with the id and kind it must report.</summary>
    public static TheoryData<string, SupportToolsException, string, ErrorKind> Known()
    {
        var data = new TheoryData<string, SupportToolsException, string, ErrorKind>();
        void Add(string name, SupportToolsException exception, string id, ErrorKind kind) => data.Add(name, exception, id, kind);

        Add("store NotFound", Store(StoreFailure.NotFound), "DatabaseNotFound", ErrorKind.ObjectNotFound);
        Add("store NotAStore", Store(StoreFailure.NotAStore), "NotASupportToolsDatabase", ErrorKind.InvalidData);
        Add("store NewerVersion", Store(StoreFailure.NewerVersion), "DatabaseFromNewerVersion", ErrorKind.NotImplemented);
        Add("store Busy", Store(StoreFailure.Busy), "DatabaseBusy", ErrorKind.ResourceBusy);
        Add("store ReadOnly", Store(StoreFailure.ReadOnly), "DatabaseReadOnly", ErrorKind.PermissionDenied);
        Add("store DiskFull", Store(StoreFailure.DiskFull), "DiskFull", ErrorKind.WriteError);
        Add("store Io", Store(StoreFailure.Io), "DatabaseIOError", ErrorKind.ReadError);
        Add("store Corrupt", Store(StoreFailure.Corrupt), "DatabaseIOError", ErrorKind.ReadError);

        Add("http Authentication", Service(ServiceFailure.Authentication), "HttpAuthenticationFailed", ErrorKind.AuthenticationError);
        Add("http PermissionDenied", Service(ServiceFailure.PermissionDenied), "HttpPermissionDenied", ErrorKind.PermissionDenied);
        Add("http NotFound", Service(ServiceFailure.NotFound), "HttpNotFound", ErrorKind.ObjectNotFound);
        Add("http Rejected", Service(ServiceFailure.Rejected), "HttpRequestRejected", ErrorKind.InvalidArgument);
        Add("http RateLimited", Service(ServiceFailure.RateLimited), "HttpServiceUnavailable", ErrorKind.ResourceUnavailable);
        Add("http ServerError", Service(ServiceFailure.ServerError), "HttpServiceUnavailable", ErrorKind.ResourceUnavailable);
        Add("http Timeout", Service(ServiceFailure.Timeout), "HttpTimeout", ErrorKind.OperationTimeout);
        Add("http Network", Service(ServiceFailure.Network), "HttpServiceUnavailable", ErrorKind.ResourceUnavailable);
        Add("http NotTrusted", Service(ServiceFailure.NotTrusted), "HttpCertificateRefused", ErrorKind.SecurityError);
        Add("http InvalidResponse", Service(ServiceFailure.InvalidResponse), "HttpInvalidResponse", ErrorKind.InvalidResult);
        Add("http Ambiguous", Service(ServiceFailure.Ambiguous), "HttpServiceUnavailable", ErrorKind.ResourceUnavailable);
        Add("http ResponseTooLarge", Service(ServiceFailure.ResponseTooLarge), "HttpResponseTooLarge", ErrorKind.InvalidResult);
        Add("http RedirectRefused", Service(ServiceFailure.RedirectRefused), "HttpRedirectRefused", ErrorKind.SecurityError);

        Add("desk page", new DeskPageException(DeskPageProblem.InvalidPage, Page, "not a page"), "InvalidDeskPage", ErrorKind.InvalidResult);
        Add("desk loop", new DeskPageException(DeskPageProblem.Loop, Page, "seen before"), "DeskPagingLoop", ErrorKind.InvalidResult);
        Add("input file", new InputFormatException("bad", path: "a.json", line: 3), "InvalidInputFile", ErrorKind.InvalidData);
        Add("input item", new InputFormatException("bad", record: 2), "InvalidInputObject", ErrorKind.InvalidData);
        Add("call filter", new CallFilterException("[0]", "no such field"), "InvalidCallFilter", ErrorKind.InvalidArgument);
        Add("time zone", new UnknownTimeZoneException("Mars/Olympus", []), "UnknownTimeZone", ErrorKind.InvalidArgument);
        Add("close field", new CloseFieldNotFoundException([("Tier", "Tier")], ["Size"]), "CloseCustomFieldNotFound", ErrorKind.ObjectNotFound);
        Add("close outcome", new CloseLeadOutcomeUnknownException("Acme", null, new IOException("reset")), "CloseLeadOutcomeUnknown", ErrorKind.OperationTimeout);
        Add("request", new InvalidRequestException("-To is before -From."), "InvalidArgument", ErrorKind.InvalidArgument);
        return data;
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void Each_failure_keeps_its_error_id_and_kind(string name, SupportToolsException exception, string id, ErrorKind kind)
    {
        Assert.Equal(id, exception.ErrorId);
        Assert.Equal(kind, exception.Kind);
        Assert.True(exception.Message.Length > 0, name);
    }

    [Fact]
    public void Every_concrete_SupportToolsException_in_Core_is_in_the_table_and_every_id_is_a_named_constant()
    {
        var concrete = typeof(SupportToolsException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SupportToolsException)) && !t.IsAbstract).ToHashSet();
        var tabled = Known().Select(row => row[1].GetType()).ToHashSet();
        Assert.Empty(concrete.Except(tabled).Select(t => t.FullName));
        var ids = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();
        foreach (var row in Known())
        {
            var id = ((SupportToolsException)row[1]).ErrorId;
            Assert.False(string.IsNullOrWhiteSpace(id));
            Assert.Contains(id, ids);
        }
    }

    [Fact]
    public void Every_error_id_constant_is_its_own_name()
    {
        // Scripts compare FullyQualifiedErrorId with these names; a constant whose text differs from its name would break them.
        foreach (var field in typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static))
            Assert.Equal(field.Name, field.GetValue(null));
    }

    [Fact]
    public void Targets_say_what_failed_and_the_store_and_page_keep_theirs_over_the_callers()
    {
        Assert.Equal("a.db", Store(StoreFailure.Busy).TargetFor("import.json"));
        Assert.Equal(Page, new DeskPageException(DeskPageProblem.Loop, Page, "seen").TargetFor("item"));
        var service = Service(ServiceFailure.Rejected);
        Assert.Equal(service.RequestUri, service.TargetFor(null));
        Assert.Equal("lead row", service.TargetFor("lead row"));
        var input = new InputFormatException("bad", path: "a.json", item: 42);
        Assert.Equal(42, input.TargetFor(null));
        Assert.Equal("a.json", new InputFormatException("bad", path: "a.json").TargetFor(null));
        Assert.Equal("Tier, Size", new CloseFieldNotFoundException([("Tier", "Tier"), ("Size", "Size")], []).Target);
    }

    [Fact]
    public void Recommended_actions_come_with_the_failures_that_have_one()
    {
        Assert.Contains("credentials", Service(ServiceFailure.Authentication).RecommendedAction);
        Assert.Contains("-BaseUri", Service(ServiceFailure.Network).RecommendedAction);
        Assert.Equal("", Service(ServiceFailure.NotFound).RecommendedAction);
        Assert.Contains("Correct the file", new InputFormatException("bad", path: "a.json").RecommendedAction);
        Assert.Contains("Correct the item", new InputFormatException("bad").RecommendedAction);
        Assert.Null(new InvalidRequestException("bad").RecommendedAction);
    }

    [Fact]
    public void A_users_bad_values_are_invalid_requests_and_a_guard_stays_an_ArgumentException()
    {
        // The user's mistake: reported as InvalidArgument.
        Assert.Equal("InvalidArgument", Assert.Throws<InvalidRequestException>(() => DatabaseLocation.Resolve(" ")).ErrorId);
        Assert.Throws<InvalidRequestException>(() => new CloseLeadCleaner(defaultRegion: "XX"));
        // A programming error (the cmdlet validates the range first): not a SupportToolsException, so a bug report.
        var guard = Assert.Throws<ArgumentOutOfRangeException>(() => new DeskCaseQuery { PerPage = 0 }.FirstPage());
        Assert.IsNotAssignableFrom<SupportToolsException>(guard);
        Assert.Throws<ArgumentException>(() => new DeskCaseMeasure([]));
    }

    private static StoreException Store(StoreFailure failure) => new("a.db", failure, "failed.");

    private static ServiceException Service(ServiceFailure failure) =>
        new(failure, "Test", HttpMethod.Get, new Uri("http://127.0.0.1:1/api/v1/thing"), null, 1, "test");
}
