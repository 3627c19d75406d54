using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests.Calls;

/// <summary>The reading call cmdlets in a real engine: the issue's commands, filters from JSON and hashtables, and their errors.</summary>
public sealed class CallQueryTests : ModuleTest
{
    /// <summary>
    /// Six answered calls at 08:00 NZDT on 4 March 2016 (the service documentation's example) and two unanswered ones an
    /// hour later, written through the store's own import API (what Import-CallRecord uses).
    /// </summary>
    private string Seed()
    {
        var db = Ps.PathOf("calls.db");
        RunOk("""
            # SupportTools.Core loads into the module's private context, where type literals do not reach (README).
            $callStore = [AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'SupportTools.Core' }, 'First')[0].GetType('SupportTools.Calls.CallStore', $true)
            $store = $callStore::Open($args[0])
            $batch = $store.BeginImport('test')
            try {
                $i = 0
                foreach ($d in 5, 6, 6, 7, 11, 79) {
                    $batch.Add([SupportTools.Calls.CallRecord]::new("a$i", [datetimeoffset]::Parse("2016-03-03T19:0$($i):00Z"), 'inbound', $d, $d - 2, 2, '+6434181234', 'Jo Bloggs', '+6495551234', 'NORMAL_CLEARING', $false, 7, $null))
                    $i++
                }
                # [NullString]::Value: PowerShell passes $null to a string parameter as ''.
                $none = [NullString]::Value
                $batch.Add([SupportTools.Calls.CallRecord]::new('u1', [datetimeoffset]'2016-03-03T20:10:00Z', 'outbound', 3, 0, 3, '+6495551234', $none, '+6434181234', 'NO_ANSWER', $true, $null, 7))
                $batch.Add([SupportTools.Calls.CallRecord]::new('u2', [datetimeoffset]'2016-03-03T20:20:00Z', $none, 2, 0, 2, $none, $none, $none, 'NO_ANSWER', $true, $null, $null))
                [void]$batch.Commit()
            } finally { $batch.Dispose(); $store.Dispose() }
            """, db);
        return db;
    }

    private const string IssueFilter = """[{"name":"call_time","op":"gte","val":"00:00:00 04/03/2016"},{"name":"call_direction","op":"in","val":["inbound","outbound"]}]""";

    [Fact]
    public void The_issues_hourly_query_groups_by_unanswered_in_auckland()
    {
        var db = Seed();
        var rows = RunOk("Get-CallStatistic Hourly -Database $args[0] -TimeZone Pacific/Auckland -GroupBy unanswered -Filter $args[1]", db, IssueFilter).Output;
        Assert.Equal(2, rows.Count); // u2 has no direction
        Assert.All(rows, r => Assert.Equal("SupportTools.Calls.CallStatistic", r.TypeNames[0]));
        Assert.Equal(["08:00:00 04/03/2016", "0", 6L, 5L, 79L, 6.5, 19.0, 6L, 1.0],
            [P(rows[0], "PeriodLabel")!, P(rows[0], "Group")!, P(rows[0], "Total")!, P(rows[0], "DurationMin")!, P(rows[0], "DurationMax")!,
             P(rows[0], "DurationMedian")!, P(rows[0], "DurationMean")!, P(rows[0], "Answered")!, P(rows[0], "AnswerSeizureRatio")!]);
        Assert.Equal(new DateTimeOffset(2016, 3, 4, 8, 0, 0, TimeSpan.FromHours(13)), P(rows[0], "Period"));
        Assert.Equal(TimeSpan.FromHours(13), ((DateTimeOffset)P(rows[0], "Period")!).Offset);
        Assert.Equal(("09:00:00 04/03/2016", "1", 1L, 0L), ((string)P(rows[1], "PeriodLabel")!, (string)P(rows[1], "Group")!, (long)P(rows[1], "Total")!, (long)P(rows[1], "Answered")!));
        Assert.Null(P(rows[1], "AverageCallDuration"));
    }

    [Fact]
    public void Daily_statistics_convert_to_the_services_response_body()
    {
        var db = Seed();
        var json = (string)RunOk("Get-CallStatistic Daily -Database $args[0] | ConvertTo-CallStatisticJson", db).Output.Single().BaseObject;
        // In UTC all eight calls fall on 3 March: 5, 6, 6, 7, 11, 79, 3, 2.
        Assert.Equal("""{"data":{"00:00:00 03/03/2016":{"total":8,"groups":{},"duration_seconds":{"max":79,"min":2,"median":6.0,"mean":14.875}}}}""", json);
        var grouped = (string)RunOk($"Get-CallStatistic Hourly -Database $args[0] -TimeZone Pacific/Auckland -GroupBy unanswered -Filter $args[1] | ConvertTo-CallStatisticJson", db, IssueFilter).Output.Single().BaseObject;
        Assert.StartsWith("""{"data":{"08:00:00 04/03/2016":{"total":6,"groups":{"0":{"total":6,"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":19.0}}},"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":19.0}},""", grouped);
        Assert.Equal("{\"data\":{}}", RunOk("@() | ConvertTo-CallStatisticJson").Output.Single().BaseObject);
    }

    [Fact]
    public void Unanswered_calls_export_to_csv_with_the_cdr_fields()
    {
        var db = Seed();
        var csv = Ps.PathOf("missed.csv");
        RunOk("Get-CallRecord -Filter @{name='unanswered';op='eq';val=$true} -Database $args[0] | Export-Csv $args[1]", db, csv);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("\"CallId\",\"CallTime\",\"CallTimeIso\",\"CallDirection\",\"DurationSeconds\",\"BillingSeconds\",\"RingingSeconds\",\"CallerIdNumber\",\"CallerIdName\",\"CalleeIdNumber\",\"HangupCause\",\"Unanswered\",\"CallerZoneId\",\"CalleeZoneId\",\"InteractionId\",\"Legs\"", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"u1\",", lines[1]);
        Assert.StartsWith("\"u2\",", lines[2]);
        var rows = RunOk("Import-Csv $args[0]", csv).Output;
        Assert.Equal("True", P(rows[0], "Unanswered"));
        Assert.Equal("7", P(rows[0], "CalleeZoneId"));
    }

    [Fact]
    public void Records_come_in_time_order_in_the_zone_with_hashtable_json_and_pscustomobject_filters_alike()
    {
        var db = Seed();
        var json = RunOk("Get-CallRecord '[{\"name\":\"duration_seconds\",\"op\":\"gte\",\"val\":7}]' -TimeZone Pacific/Auckland -Database $args[0]", db).Output;
        var table = RunOk("Get-CallRecord -Filter @{Name='duration_seconds'; Op='gte'; Val=7} -TimeZone Pacific/Auckland -Database $args[0]", db).Output;
        var custom = RunOk("Get-CallRecord -Filter ([pscustomobject]@{name='duration_seconds'; op='ge'; val=[long]7}) -TimeZone Pacific/Auckland -Database $args[0]", db).Output;
        Assert.Equal(["a3", "a4", "a5"], json.Select(r => (string)P(r, "CallId")!));
        Assert.Equal(json.Select(r => P(r, "CallId")), table.Select(r => P(r, "CallId")));
        Assert.Equal(json.Select(r => P(r, "CallId")), custom.Select(r => P(r, "CallId")));
        Assert.Equal(new DateTimeOffset(2016, 3, 4, 8, 3, 0, TimeSpan.FromHours(13)), P(json[0], "CallTime"));
        Assert.Equal(TimeSpan.FromHours(13), ((DateTimeOffset)P(json[0], "CallTime")!).Offset);
        // Or-nesting from hashtables, and a DateTime value read in the zone.
        var nested = RunOk("""
            Get-CallRecord -Database $args[0] -TimeZone Pacific/Auckland -Filter @{ or = @(@{name='call_direction';op='is_null'}, @{name='call_direction';op='eq';val='outbound'}) },
                @{name='call_time';op='gte';val=[datetime]'2016-03-04 09:00'}
            """, db).Output;
        Assert.Equal(["u1", "u2"], nested.Select(r => (string)P(r, "CallId")!));
    }

    [Theory]
    [InlineData("Get-CallStatistic Daily -Database $args[0] -Filter '[{\"name\":\"unanswered\",\"op\":\"eq\",\"val\":true},{\"or\":[{\"name\":\"calltime\",\"op\":\"gte\",\"val\":\"x\"}]}]'", "filter [1].or[0]: unknown field 'calltime'")]
    [InlineData("Get-CallRecord -Database $args[0] -Filter @{name='unanswered';op='equalz';val=$true}", "filter [0]: unknown operator 'equalz'")]
    [InlineData("Get-CallRecord -Database $args[0] -Filter @{name='duration_seconds';op='gt';val='30'}", "filter [0]: duration_seconds takes a whole number, but val is the string '30'.")]
    [InlineData("Get-CallRecord -Database $args[0] -Filter '[{\"name\":'", "filter: not valid JSON at line 1")]
    [InlineData("Get-CallRecord -Database $args[0] -Filter @{name='call_direction';op='in';val=@{dir='inbound'}}", "filter [0]: in needs a list in 'val'")]
    public void A_bad_filter_is_an_invalid_call_filter_error_naming_the_part(string script, string message)
    {
        var db = Seed();
        var result = Ps.Run(script, db);
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("InvalidCallFilter", Id(error));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(message, error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_filter_cannot_inject_sql()
    {
        var db = Seed();
        var result = RunOk("Get-CallRecord -Database $args[0] -Filter @{name='call_id';op='eq';val=\"x'); DROP TABLE call_records; --\"}", db);
        Assert.Empty(result.Output);
        Assert.Equal(8, RunOk("Get-CallRecord -Database $args[0]", db).Output.Count);
        var error = Assert.Single(Ps.Run("Get-CallRecord -Database $args[0] -Filter @{name=\"call_id = 'a0'; DROP TABLE call_records; --\";op='eq';val='a0'}", db).AllErrors);
        Assert.Equal("InvalidCallFilter", Id(error));
        Assert.Equal(8, RunOk("Get-CallRecord -Database $args[0]", db).Output.Count);
    }

    [Fact]
    public void An_unknown_time_zone_is_an_error_that_suggests_ids()
    {
        var db = Seed();
        foreach (var script in new[] { "Get-CallStatistic Daily -TimeZone Pacific/Auckand -Database $args[0]", "Get-CallRecord -TimeZone Pacific/Auckand -Database $args[0]" })
        {
            var error = Assert.Single(Ps.Run(script, db).AllErrors);
            Assert.Equal("UnknownTimeZone", Id(error));
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("Did you mean 'Pacific/Auckland'?", error.Exception.Message);
            Assert.Equal("Pacific/Auckand", error.TargetObject);
        }
        // An IANA id from the tz database resolves whatever the case, and completes on Tab.
        Assert.Single(RunOk("Get-CallStatistic Monthly -TimeZone pacific/auckland -Database $args[0]", db).Output);
        var completions = RunOk("(TabExpansion2 'Get-CallStatistic Daily -TimeZone Pacific/Auck' 44).CompletionMatches.CompletionText").Output;
        Assert.Equal(["Pacific/Auckland"], completions.Select(c => (string)c.BaseObject));
    }

    [Fact]
    public void Reading_cmdlets_never_create_a_database_and_refuse_bad_parameters()
    {
        var missing = Ps.PathOf("none.db");
        foreach (var script in new[] { "Get-CallStatistic Daily -Database $args[0]", "Get-CallRecord -Database $args[0]" })
            Assert.Equal("DatabaseNotFound", Id(Assert.Single(Ps.Run(script, missing).AllErrors)));
        Assert.False(File.Exists(missing));
        var db = Seed();
        Assert.Equal("ParameterArgumentValidationError", Id(Assert.Single(Ps.Run("Get-CallStatistic Daily -GroupBy hangup_cause -Database $args[0]", db).AllErrors)));
        Assert.Equal("CannotConvertArgumentNoMessage", Id(Assert.Single(Ps.Run("Get-CallStatistic Fortnightly -Database $args[0]", db).AllErrors)));
    }

    [Fact]
    public void Statistics_show_progress_that_completes_and_verbose_shows_the_condition_not_the_values()
    {
        var db = Seed();
        var result = RunOk("Get-CallStatistic Hourly -Database $args[0] -Filter @{name='caller_id_name';op='eq';val='Jo Bloggs'} -Verbose", db);
        Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        Assert.Contains(result.Verbose, v => v == "Filter: WHERE caller_id_name = ?1");
        Assert.DoesNotContain(result.Verbose, v => v.Contains("Jo Bloggs"));
        Assert.Contains(result.Verbose, v => v.StartsWith("Time zone: UTC (tz database "));
    }

    [Fact]
    public void Empty_periods_are_zero_rows_only_when_asked()
    {
        var db = Seed();
        const string day = "@{name='call_time';op='gte';val='00:00:00 04/03/2016'}, @{name='call_time';op='lt';val='00:00:00 05/03/2016'}";
        var rows = RunOk($"Get-CallStatistic Hourly -Database $args[0] -TimeZone Pacific/Auckland -IncludeEmpty -Filter {day}", db).Output;
        Assert.Equal(24, rows.Count);
        Assert.Equal([6L, 2L], rows.Where(r => (long)P(r, "Total")! > 0).Select(r => (long)P(r, "Total")!));
        Assert.Null(P(rows[0], "DurationMedian"));
        Assert.Equal(2, RunOk($"Get-CallStatistic Hourly -Database $args[0] -TimeZone Pacific/Auckland -Filter {day}", db).Output.Count);
    }

    [Fact]
    public void The_converter_takes_one_kind_of_object_per_pipeline()
    {
        var db = Seed();
        var regions = RunOk("""
            [SupportTools.Calls.CallRegion]::new('New Zealand', 'New Zealand Balclutha', 5023), [SupportTools.Calls.CallRegion]::new('New Zealand', 'New Zealand Balclutha', 5024) |
                ConvertTo-CallStatisticJson
            """).Output.Single();
        Assert.Equal("""{"data":{"countries":{"New Zealand":{"New Zealand Balclutha":[5023,5024]}}}}""", regions.BaseObject);
        Assert.Equal("""{"data":{"countries":["New Zealand","Australia"]}}""", RunOk("'New Zealand', 'Australia' | ConvertTo-CallStatisticJson").Output.Single().BaseObject);
        var mixed = Ps.Run("@('Ghana'; 42; [SupportTools.Calls.CallRegion]::new('Ghana', 'Ghana Accra', 1)) | ConvertTo-CallStatisticJson");
        Assert.Equal(2, mixed.Errors.Count);
        Assert.All(mixed.Errors, e => Assert.Equal("InvalidInputObject", Id(e)));
        Assert.Contains("not System.Int32", mixed.Errors[0].Exception.Message);
        Assert.Equal(42, mixed.Errors[0].TargetObject is PSObject o ? o.BaseObject : mixed.Errors[0].TargetObject);
        Assert.Equal("""{"data":{"countries":["Ghana"]}}""", mixed.Output.Single().BaseObject);
        var indented = (string)RunOk("Get-CallStatistic Monthly -Database $args[0] | ConvertTo-CallStatisticJson -Indent", db).Output.Single().BaseObject;
        Assert.Contains("\n", indented);
    }
}
