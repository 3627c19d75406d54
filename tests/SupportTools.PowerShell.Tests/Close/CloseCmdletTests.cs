using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;
using SupportTools.TestServer;
using SupportTools.TestServer.Close;

namespace SupportTools.PowerShell.Tests.Close;

/// <summary>The Close cmdlets in the hosted engine against the Close mock: pipelines, error ids, -WhatIf, the failed-rows file, secrets.</summary>
public sealed class CloseCmdletTests : ModuleTest, IAsyncLifetime
{
    private const string Header = "Company,Contact,Title,Email,Phone,Address,City,State,Zip,Country,Revenue,Founded";
    private CloseMock _mock = null!;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _mock = new CloseMock();
        _server = await LoopbackServer.StartAsync(_mock.Map);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Defines $key (the mock's key as a SecureString) and $uri before <paramref name="script"/>.</summary>
    private PsResult Close(string script, string? key = null, params object?[] args) =>
        Ps.Run("$key = ConvertTo-SecureString $args[0] -AsPlainText -Force; $uri = $args[1]; $rest = $args[2..($args.Count)]\n" + script,
            [key ?? _mock.ApiKey, _server.BaseUri.AbsoluteUri.TrimEnd('/'), .. args]);

    private string Csv(string name, params string[] lines)
    {
        var path = Ps.PathOf(name);
        File.WriteAllLines(path, [Header, .. lines]);
        return path;
    }

    private string Messy() => Csv("messy.csv",
        "acme corp,Jane Doe,CEO,jane@acme.com,(415) 555-0132,747 Howard St,San Francisco,california,94103,USA,\"$1,234.50\",3/7/2019",
        "Acme Corp,John Smith,CTO,john@acme.com,415-555-0133,747 Howard St,San Francisco,CA,94103,USA,,2019-03-07",
        "Initech,Bill,VP,bill@initech,512-555-0101,1 Main,Austin,Texas,78744,USA,750k,2020-02-30",
        ",Nobody,,nobody@example.com,,,,,,,,",
        "Globex,Hank,CEO,hank@globex.com,541-555-0100,1 Cypress,Cypress Creek,Oregon,97001,USA,$900,Mar 7 1989");

    [Fact]
    public void Import_creates_a_lead_per_company_and_reports_invalid_rows_with_stable_ids_and_line_numbers()
    {
        var failed = Ps.PathOf("failed.csv");
        var result = Close("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -FailedPath $rest[1]", null, Messy(), failed);

        Assert.Null(result.Terminating);
        var rows = result.Output.Select(o => ((long)P(o, "Row")!, P(o, "Status")!.ToString(), (string?)P(o, "LeadId"))).OrderBy(r => r.Item1).ToList();
        Assert.Equal([2L, 3, 4, 5, 6], rows.Select(r => r.Item1));
        Assert.Equal(["Created", "Created", "Invalid", "Invalid", "Created"], rows.Select(r => r.Item2));
        Assert.Equal(rows[0].Item3, rows[1].Item3); // one lead for both ACME rows
        Assert.StartsWith("lead_", rows[0].Item3);

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("InvalidLeadRow", Id(e)));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
        Assert.Contains("Row 4 ('INITECH')", result.Errors[0].ErrorDetails.Message);
        Assert.Contains("Founded '2020-02-30' is not a real date", result.Errors[0].ErrorDetails.Message);
        Assert.Contains("Company is missing", result.Errors[1].ErrorDetails.Message);
        Assert.Equal(2, _mock.Leads.Count);

        var lines = File.ReadAllLines(failed);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",Row,Reason", lines[0]);
        Assert.StartsWith("Company,Contact", lines[0]);
        Assert.StartsWith("Initech,Bill,", lines[1]);
        Assert.Contains(",4,", lines[1]);
        Assert.Contains("Company is missing", lines[2]);
    }

    [Fact]
    public void Import_shows_progress_of_the_leads_and_ends_it()
    {
        var result = Close("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -ErrorAction SilentlyContinue", null, Messy());
        Assert.Contains(result.Progress, p => p.Activity == "Importing Close leads" && p.RecordType == ProgressRecordType.Processing);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void WhatIf_sends_nothing_and_writes_no_file_but_still_reports_invalid_rows()
    {
        var failed = Ps.PathOf("failed.csv");
        var result = Close("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -FailedPath $rest[1] -WhatIf", null, Messy(), failed);
        Assert.Empty(_server.Requests);
        Assert.False(File.Exists(failed));
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(2, result.Output.Count); // only the invalid rows' results
    }

    [Fact]
    public void Piped_rows_with_other_column_names_import_through_Map_and_custom_field_map()
    {
        var id = _mock.AddField("Founding Date", "date");
        _mock.RemoveField("Founded");
        var path = Ps.PathOf("other.csv");
        File.WriteAllLines(path, ["Organisation,Person,Founded", "Acme,Jane,7 March 2019"]);
        var result = Close("Import-Csv $rest[0] | ConvertTo-CloseLead -Map @{Company='Organisation'; Contact='Person'} | Import-CloseLead -ApiKey $key -BaseUri $uri -CustomFieldMap @{Founded='founding date'}", null, path);
        result.ThrowOnError();
        Assert.Equal("Created", P(result.Output.Single(), "Status")!.ToString());
        var lead = _mock.Leads.Single();
        Assert.Equal("ACME", (string?)lead["name"]);
        Assert.Equal("2019-03-07", (string?)lead[$"custom.{id}"]);
        Assert.Equal("JANE", (string?)lead["contacts"]![0]!["name"]);
    }

    [Fact]
    public void A_missing_custom_field_ends_the_command_before_any_lead_is_created()
    {
        _mock.RemoveField("Revenue");
        var result = Close("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri", null, Messy());
        var error = result.AllErrors.Last(); // after the two invalid rows' errors
        Assert.Equal(["InvalidLeadRow", "InvalidLeadRow", "CloseCustomFieldNotFound"], result.AllErrors.Select(Id));
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("-CustomFieldMap", error.Exception.Message);
        Assert.DoesNotContain(_server.Requests, r => r.PathAndQuery == "/api/v1/lead/");
    }

    [Fact]
    public void Get_pipes_into_Measure_and_Export_Csv()
    {
        _mock.Seed("ALPHA", "CA", 100m, "2019-01-01");
        _mock.Seed("BRAVO", "CA", 300m, "2019-06-30");
        _mock.Seed("CHARLIE", "NY", 50m, "2019-12-31");
        _mock.Seed("DELTA", "NY", 70m, "2020-01-01");
        var csv = Ps.PathOf("segments.csv");
        var result = Close("Get-CloseLead -ApiKey $key -BaseUri $uri -From 2019-01-01 -To 2019-12-31 | Measure-CloseLead -By State | Export-Csv $rest[0]; Import-Csv $rest[0]", null, csv);
        result.ThrowOnError();
        Assert.Equal(["CA", "NY"], result.Output.Select(o => (string)P(o, "State")!));
        var ca = result.Output[0];
        Assert.Equal(("2", "400", "200", "BRAVO", "300"), ((string)P(ca, "Leads")!, (string)P(ca, "TotalRevenue")!, (string)P(ca, "MedianRevenue")!, (string)P(ca, "TopLead")!, (string)P(ca, "TopLeadRevenue")!));
        Assert.Equal("1", P(result.Output[1], "Leads"));
    }

    [Fact]
    public void A_wrong_key_is_an_authentication_error_that_never_shows_the_key()
    {
        const string wrong = "api_WRONG_secret_key_value_42";
        var result = Close("Get-CloseLead -ApiKey $key -BaseUri $uri", wrong);
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("HttpAuthenticationFailed", Id(error));
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.DoesNotContain(wrong, error.Exception.ToString());
    }

    [Fact]
    public void Verbose_debug_errors_and_output_never_contain_the_key()
    {
        // Faults make the retry, reconcile and failure paths log too; a second run with a wrong key covers the 401 path.
        _server.Faults.Enqueue(Fault.DropAfterHandling(), r => r.Method == "POST" && r.Path == "/api/v1/lead/");
        _server.Faults.Enqueue(Fault.Status(503), r => r.Method == "POST" && r.Path == "/api/v1/lead/");
        _server.Faults.Enqueue(Fault.Status(400), r => r.Method == "POST" && r.Path == "/api/v1/lead/");
        const string script = """
            $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; $InformationPreference = 'Continue'
            $text = & {
                Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -Verbose -Debug -FailedPath $rest[1]
                Get-CloseLead -ApiKey $key -BaseUri $uri -Verbose -Debug | Measure-CloseLead
                Get-CloseLead -Credential ([pscredential]::new('ignored', $key)) -BaseUri $uri -Verbose
                Get-CloseLead -ApiKey (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force) -BaseUri $uri -Verbose -ErrorAction Continue
            } *>&1 | ForEach-Object { $_; if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString(); $_.ErrorDetails; $_.TargetObject } } | Out-String -Width 500
            $text + ($Error | Format-List * -Force | Out-String -Width 500) + (Get-Content $rest[1] -Raw)
            """;
        var result = Close(script, null, Messy(), Ps.PathOf("failed.csv"));
        var text = string.Join("\n", result.Output.Select(o => o.ToString()));
        Assert.Contains("POST /api/v1/lead/", text); // the verbose lines were captured
        Assert.Contains("HttpAuthenticationFailed", text);
        Assert.DoesNotContain(_mock.ApiKey, text);
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(_mock.ApiKey + ":"));
        Assert.DoesNotContain(encoded, text);
    }

    [Theory]
    [InlineData("Get-CloseLead -BaseUri $uri", "InvalidArgument", "-ApiKey")]
    [InlineData("Import-CloseLead -Path $rest[0] -BaseUri $uri", "InvalidArgument", "-ApiKey")]
    [InlineData("Import-CloseLead -Path . -ApiKey $key -BaseUri $uri", "PathIsFolder", "give a file name")]
    [InlineData("Get-CloseLead -ApiKey $key -Credential ([pscredential]::new('x', $key)) -BaseUri $uri", "AmbiguousParameterSet", "Parameter set cannot be resolved")]
    [InlineData("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -Encoding klingon", "InvalidArgument", "'klingon'")]
    [InlineData("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -AllowDuplicate -SkipExisting", "InvalidArgument", "contradict")]
    [InlineData("Get-CloseLead -ApiKey $key -BaseUri ($uri + '/api/v1')", "InvalidArgument", "scheme, host and port")]
    [InlineData("Get-CloseLead -ApiKey $key -BaseUri $uri -From 2020-01-01 -To 2019-01-01", "InvalidArgument", "after -To")]
    [InlineData("Import-CloseLead -Path nothing-here.csv -ApiKey $key -BaseUri $uri", "FileNotFound", "nothing-here")]
    [InlineData("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -Map @{Organisation='Company'}", "InvalidArgument", "not a lead column")]
    [InlineData("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -DefaultRegion Narnia", "InvalidArgument", "region")]
    public void Obvious_mistakes_get_clear_errors(string script, string id, string words)
    {
        var result = Close(script, null, Messy());
        var error = result.AllErrors.First();
        Assert.Equal(id, Id(error));
        Assert.Contains(words, error.ToString());
        Assert.DoesNotContain(_server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_file_that_is_not_a_lead_file_names_the_file_and_line()
    {
        var path = Ps.PathOf("tickets.json");
        File.WriteAllText(path, "{\"metadata\":{}}");
        var error = Assert.Single(Close("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri", null, path).AllErrors);
        Assert.Equal("InvalidInputFile", Id(error));
        Assert.Contains("line 1", error.ToString());
        Assert.Contains("no Company column", error.ToString());
    }

    [Fact]
    public void ConvertTo_emits_drafts_with_problems_and_Measure_counts_a_company_once()
    {
        var result = Ps.Run("""
            $rows = @(
                [pscustomobject]@{ company = ' acme '; STATE = 'new york'; Revenue = 1200; Founded = [datetime]'2019-03-07' }
                [pscustomobject]@{ Company = 'Acme'; State = 'NY'; Revenue = '$99' }
                [pscustomobject]@{ Company = 'Bad'; State = 'Atlantis' }
                @{ Company = 'Globex'; State = 'TX'; Revenue = '50' }
            )
            $drafts = $rows | ConvertTo-CloseLead
            $drafts
            $drafts | Where-Object IsValid | Measure-CloseLead
            """);
        result.ThrowOnError();
        var drafts = result.OfType("SupportTools.Close.CloseLeadDraft");
        Assert.Equal(4, drafts.Count);
        Assert.Equal(("ACME", "NY", 1200m, "2019-03-07"), ((string)P(drafts[0], "Name")!, (string)P(drafts[0], "State")!, (decimal)P(drafts[0], "Revenue")!, (string)P(drafts[0], "Founded")!));
        Assert.False((bool)P(drafts[2], "IsValid")!);
        Assert.Contains("Atlantis", (string)P(drafts[2], "Problems")!);
        Assert.Equal("GLOBEX", P(drafts[3], "Name"));
        var segments = result.OfType("SupportTools.Close.CloseLeadSegment");
        Assert.Equal(["NY", "TX"], segments.Select(s => (string)P(s, "State")!));
        Assert.Equal((1, 1200m), ((int)P(segments[0], "Leads")!, (decimal)P(segments[0], "TotalRevenue")!)); // two rows, one lead
    }

    [Fact]
    public void Connect_keeps_the_connection_for_the_session_and_the_cmdlets_use_it_without_a_key()
    {
        _mock.Seed("ALPHA", "CA", 100m, "2019-01-01");
        var result = Close("""
            $connection = Connect-Close -ApiKey $key -BaseUri $uri -PassThru
            $connection
            Get-CloseLead
            [pscustomobject]@{ Company = 'Bravo' } | Import-CloseLead 6>$null
            Get-CloseLead -Connection $connection | Where-Object Name -eq 'BRAVO'
            ($connection | Format-Table | Out-String -Width 120) + ($connection | Format-List * | Out-String)
            """);
        result.ThrowOnError();
        var connection = result.Output[0];
        Assert.Equal("SupportTools.Commands.Close.CloseConnection", connection.BaseObject.GetType().FullName);
        Assert.Equal(("Close", "support.engineer@example.com"), ((string)P(connection, "Service")!, (string)P(connection, "UserName")!));
        Assert.Equal(_server.BaseUri, (Uri)P(connection, "BaseUri")!);
        Assert.Equal("ALPHA", P(result.Output[1], "Name"));
        Assert.Equal("Created", P(result.Output[2], "Status")!.ToString());
        Assert.Equal("BRAVO", P(result.Output[3], "Name"));
        var shown = (string)result.Output[4].BaseObject;
        Assert.Contains("support.engineer@example.com", shown);
        Assert.DoesNotContain(_mock.ApiKey, shown);
        Assert.Contains(_server.Requests, r => r.PathAndQuery.StartsWith("/api/v1/me/", StringComparison.Ordinal));
    }

    [Fact]
    public void Connect_with_a_wrong_key_fails_at_once_and_keeps_nothing()
    {
        var result = Close("""
            Connect-Close -ApiKey $key -BaseUri $uri -ErrorAction Continue
            Get-CloseLead -ErrorAction Continue
            """, "api_wrong_key_for_connect");
        Assert.Equal(["HttpAuthenticationFailed", "InvalidArgument"], result.AllErrors.Select(Id));
        Assert.Contains("Connect-Close", result.AllErrors.ElementAt(1).ToString()); // no connection was kept: the message points at Connect-Close
        Assert.DoesNotContain("api_wrong_key_for_connect", string.Join("\n", result.AllErrors.Select(e => e.ToString())));
    }

    [Fact]
    public void A_429_whose_rate_reset_is_text_is_retried_and_the_rows_results_and_failed_file_are_written()
    {
        // Close has sent rate_reset as text (closeio-api reads it with float()): an InvalidOperationException ended the import.
        _mock.Override("POST", "/api/v1/lead/", 429, """{"error":{"message":"API call count exceeded for this 15 second window","rate_reset":"0.59","rate_limit":20,"rate_window":15}}""", 2);
        var failed = Ps.PathOf("failed.csv");
        var result = Close("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -FailedPath $rest[1] -ErrorAction SilentlyContinue 6>$null", null, Messy(), failed);
        Assert.Null(result.Terminating);
        Assert.Equal(["Created", "Created", "Invalid", "Invalid", "Created"], result.Output.OrderBy(o => (long)P(o, "Row")!).Select(o => P(o, "Status")!.ToString()));
        Assert.Equal(3, File.ReadAllLines(failed).Length);
    }

    [Fact]
    public void A_page_of_another_shape_is_HttpInvalidResponse_naming_the_url()
    {
        _mock.Override("GET", "/api/v1/custom_field/lead/", 200, """{"items":[]}""");
        var error = Assert.Single(Close("Get-CloseLead -ApiKey $key -BaseUri $uri").AllErrors);
        Assert.Equal("HttpInvalidResponse", Id(error));
        Assert.Contains("/api/v1/custom_field/lead/", error.ToString());
    }

    [Fact]
    public void Drafts_exported_and_imported_back_keep_their_row_numbers_and_invalid_rows_are_refused()
    {
        var csv = Ps.PathOf("cleaned.csv");
        var result = Close("""
            Import-Csv $rest[0] | ConvertTo-CloseLead | Export-Csv $rest[1]
            Import-Csv $rest[1] | Import-CloseLead -ApiKey $key -BaseUri $uri -ErrorAction SilentlyContinue 6>$null
            """, null, Messy(), csv);
        Assert.Null(result.Terminating);
        var rows = result.Output.OrderBy(o => (long)P(o, "Row")!).Select(o => ((long)P(o, "Row")!, P(o, "Status")!.ToString())).ToList();
        Assert.Equal([(1L, "Created"), (2, "Created"), (3, "Invalid"), (4, "Invalid"), (5, "Created")], rows);
        Assert.Equal(["ACME CORP", "GLOBEX"], _mock.Leads.Select(l => (string)l["name"]!).Order());
        Assert.DoesNotContain(_mock.Leads, l => l.ContainsKey("custom.IsValid"));
    }

    [Fact]
    public void A_windows_1252_file_is_imported_with_its_accents()
    {
        var path = Ps.PathOf("excel.csv");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, System.Text.Encoding.GetEncoding(1252).GetBytes("Company,Contact,City\r\nSociété Générale,Zoë Müller,Paris\r\n"));
        var result = Close("Import-CloseLead -Path $rest[0] -ApiKey $key -BaseUri $uri -Verbose 6>$null", null, path);
        result.ThrowOnError();
        Assert.Equal("SOCIÉTÉ GÉNÉRALE", (string)_mock.Leads.Single()["name"]!);
        Assert.Contains(result.Verbose, v => v.Contains("windows-1252", StringComparison.Ordinal));
    }
}
