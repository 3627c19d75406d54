using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests.Calls;

/// <summary>
/// -Filter given as PowerShell values that once killed the engine or slipped past the filter's checks: hashtables that
/// contain themselves or nest 10,000 deep (a stack overflow ended pwsh), limits SQLite reported as a damaged database,
/// times at the calendar's ends, and <c>in</c> with a value PowerShell unrolled from a one-item array.
/// </summary>
public sealed class CallFilterInputTests : ModuleTest
{
    private string Seed()
    {
        var db = Ps.PathOf("calls.db");
        RunOk("""
            # SupportTools.Core loads into the module's private context, where type literals do not reach (README).
            $callStore = [AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'SupportTools.Core' }, 'First')[0].GetType('SupportTools.Calls.CallStore', $true)
            $store = $callStore::Open($args[0])
            $batch = $store.BeginImport('test')
            try {
                foreach ($id in 'a1', 'a2') {
                    $batch.Add([SupportTools.Calls.CallRecord]::new($id, [datetimeoffset]'2016-03-03T19:00:00Z', 'inbound', 60, 55, 5, '+6434181234', 'Jo Bloggs', '+6495551234', 'NORMAL_CLEARING', $false, $null, $null))
                }
                [void]$batch.Commit()
            } finally { $batch.Dispose(); $store.Dispose() }
            """, db);
        return db;
    }

    private (string Id, string Message) FilterError(string script, string db)
    {
        var result = Ps.Run(script, db);
        var error = Assert.Single(result.AllErrors);
        return (Id(error), error.Exception.Message);
    }

    [Theory]
    [InlineData("Get-CallRecord")]
    [InlineData("Get-CallStatistic Daily")]
    public void A_hashtable_that_contains_itself_is_an_invalid_filter(string command)
    {
        var (id, message) = FilterError($"$h = @{{ op = 'eq' }}; $h.or = @($h); {command} -Database $args[0] -Filter $h", Seed());

        Assert.Equal("InvalidCallFilter", id);
        Assert.Equal("filter [0].or[0]: a hashtable or list contains itself (directly or further down), so the filter has no end.", message);
    }

    [Fact]
    public void A_pscustomobject_that_refers_to_itself_is_an_invalid_filter()
    {
        var (id, message) = FilterError("$o = [pscustomobject]@{ and = $null }; $o.and = @($o); Get-CallRecord -Database $args[0] -Filter $o", Seed());

        Assert.Equal("InvalidCallFilter", id);
        Assert.Contains("contains itself", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_hashtable_twice_is_no_cycle()
    {
        var records = RunOk("$f = @{ name = 'call_id'; op = 'eq'; val = 'a1' }; Get-CallRecord -Database $args[0] -Filter @{ or = @($f, $f) }", Seed()).Output;

        Assert.Equal(["a1"], records.Select(r => (string)P(r, "CallId")!));
    }

    [Fact]
    public void Ten_thousand_nested_hashtables_are_an_invalid_filter_naming_the_limit()
    {
        var (id, message) = FilterError("""
            $f = @{ name = 'unanswered'; op = 'eq'; val = $true }
            foreach ($i in 1..10000) { $f = @{ or = @($f) } }
            Get-CallRecord -Database $args[0] -Filter $f
            """, Seed());

        Assert.Equal("InvalidCallFilter", id);
        Assert.EndsWith(": the hashtables and lists nest deeper than the limit of 68 (32 or/and levels).", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@{ name = 'call_id'; op = 'in'; val = @(1..100000 | ForEach-Object { \"x$_\" }) }", "in has 100,000 values; a filter may bind at most 10,000 values")]
    [InlineData("@{ name = 'caller_id_name'; op = 'like'; val = ('%a' * 40000) }", "the like pattern is 80,000 characters long; the limit is 10,000.")]
    [InlineData("@(1..2000 | ForEach-Object { @{ name = 'duration_seconds'; op = 'ge'; val = 0 } })", "more than the limit of 500 conditions")]
    [InlineData("@{ name = 'call_time'; op = 'lt'; val = '9999-12-31T23:59:59-14:00' }", "call_time takes times from 0002-01-01 to 9998-12-31 (UTC)")]
    [InlineData("@{ name = 'call_time'; op = 'ge'; val = [datetimeoffset]::MaxValue }", "call_time takes times from 0002-01-01 to 9998-12-31 (UTC)")]
    public void Sqlite_and_calendar_limits_are_invalid_filters_not_database_errors(string filter, string expected)
    {
        var db = Seed();
        foreach (var command in new[] { "Get-CallRecord", "Get-CallStatistic Hourly -IncludeEmpty" })
        {
            var (id, message) = FilterError($"{command} -Database $args[0] -Filter {filter}", db);
            Assert.Equal("InvalidCallFilter", id);
            Assert.Contains(expected, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void In_takes_the_one_value_powershell_unrolled_from_a_one_item_array()
    {
        // A function returning @('a2') returns the string itself: the filter sees 'a2', not a list.
        var records = RunOk("""
            function Get-Ids { @('a2') }
            Get-CallRecord -Database $args[0] -Filter @{ name = 'call_id'; op = 'in'; val = (Get-Ids) }
            """, Seed()).Output;

        Assert.Equal(["a2"], records.Select(r => (string)P(r, "CallId")!));
    }
}
