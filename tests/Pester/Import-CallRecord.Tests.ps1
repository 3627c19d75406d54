BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    # A Kazoo CDR as the crossbar API writes it: Gregorian timestamp, numbers as strings, keys we do not read.
    function New-Cdr([string] $Id, [int] $Minute, [string] $Caller = '+6434181234', [int] $Billing = 60, [string] $Cause = 'NORMAL_CLEARING') {
        [ordered]@{
            call_id = $Id; timestamp = 63624297600 + 60 * $Minute; call_direction = 'inbound'; duration_seconds = "$($Billing + 5)"
            billing_seconds = "$Billing"; ringing_seconds = '5'; caller_id_number = $Caller; caller_id_name = 'Jo Bloggs'
            callee_id_number = '+6493001000'; hangup_cause = $Cause; custom_channel_vars = @{ account_id = 'abc' }
        } | ConvertTo-Json -Compress
    }
}

Describe 'Import-CallRecord' {
    BeforeAll {
        $cdrs = Join-Path $TestDrive 'cdrs'
        New-Item -ItemType Directory -Path $cdrs | Out-Null
        $lines = Join-Path $cdrs 'day1.jsonl'
        Set-Content -Path $lines -Value (0..9 | ForEach-Object { New-Cdr "d1-$_" $_ })
        $array = Join-Path $cdrs 'day2.json'
        Set-Content -Path $array -Value ('[' + ((10..14 | ForEach-Object { New-Cdr "d2-$_" $_ -Billing 0 -Cause 'NO_ANSWER' }) -join ",`n") + ']')
    }

    It 'imports JSON lines and JSON arrays, once' {
        $db = Join-Path $TestDrive 'calls.db'
        $summaries = Get-ChildItem $cdrs | Sort-Object Name | Import-CallRecord -Database $db
        $summaries.Records | Should -Be @(10, 5)
        $summaries.Inserted | Should -Be @(10, 5)
        $again = Import-CallRecord -Path (Join-Path $cdrs '*') -Database $db -WarningVariable warned -WarningAction SilentlyContinue
        $again.Duplicates | Should -Be @(10, 5)
        $warned.Count | Should -Be 2
    }

    It 'reads a CSV that Export-Csv wrote from objects with the CDR properties, times from CallTimeIso' {
        $db = Join-Path $TestDrive 'csv.db'
        $csv = Join-Path $TestDrive 'calls.csv'
        $time = [datetimeoffset]::new(2016, 3, 4, 21, 0, 0, [timespan]::FromHours(13))
        @(
            [pscustomobject]@{ CallId = 'x1'; CallTime = $time; CallTimeIso = $time.ToString('o'); CallDirection = 'outbound'; DurationSeconds = 40; BillingSeconds = 30; RingingSeconds = 10
                               CallerIdNumber = '+6493001000'; CallerIdName = 'Support, Ltd'; CalleeIdNumber = '+61298765432'; HangupCause = 'NORMAL_CLEARING'; Unanswered = $false }
            [pscustomobject]@{ CallId = 'x2'; CallTime = $time.AddMinutes(1); CallTimeIso = $time.AddMinutes(1).ToString('o'); CallDirection = 'inbound'; DurationSeconds = 9; BillingSeconds = 0; RingingSeconds = 9
                               CallerIdNumber = '+447400123456'; CallerIdName = $null; CalleeIdNumber = '+6493001000'; HangupCause = 'ORIGINATOR_CANCEL'; Unanswered = $true }
        ) | Export-Csv -Path $csv
        $summary = Import-CallRecord -Path $csv -Database $db
        $summary.Inserted | Should -Be 2
        Get-CallCountry -Database $db | Should -Be @('Australia', 'New Zealand', 'United Kingdom')
        (Get-CallRecord -Database $db)[0].CallTime | Should -Be $time
    }

    It 'refuses a CSV date whose day and month could be swapped, saying where' {
        $db = Join-Path $TestDrive 'ambiguous.db'
        $csv = Join-Path $TestDrive 'ambiguous.csv'
        # 03/04/2016 is 3 April in en-GB and 4 March in en-US: which one the writer meant is unknowable.
        Set-Content -Path $csv -Value @('call_id,call_time', 'ok,2016-03-04T08:00:00Z', 'x1,03/04/2016 08:00:00 +13:00')
        Import-CallRecord -Path $csv, $lines -Database $db -ErrorVariable problems -ErrorAction SilentlyContinue | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCallRecordFile,*'
        $problems[0].Exception.Message | Should -Match "ambiguous\.csv, line 3, record 2, field 'call_time'.*swapped"
    }

    It 'rejects a file with a bad record whole, says where, and imports the next file' {
        $db = Join-Path $TestDrive 'bad.db'
        $bad = Join-Path $TestDrive 'bad.jsonl'
        Set-Content -Path $bad -Value @((New-Cdr 'b1' 0), '{"call_id":"b2","timestamp":63624297600,"billing_seconds":"lots"}')
        $summaries = Import-CallRecord -Path $bad, $lines -Database $db -ErrorVariable problems -ErrorAction SilentlyContinue
        @($summaries).Count | Should -Be 1
        $summaries.Path | Should -Be $lines
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCallRecordFile,*'
        $problems[0].Exception.Message | Should -Match "bad\.jsonl, line 2, record 2, field 'billing_seconds'"
    }

    It 'creates no database under -WhatIf' {
        $db = Join-Path $TestDrive 'whatif.db'
        Import-CallRecord -Path $lines -Database $db -WhatIf
        Test-Path $db | Should -BeFalse
    }

    It 'shows the summary at 120 columns with whole values' {
        $db = Join-Path $TestDrive 'view.db'
        $summary = Import-CallRecord -Path $lines -Database $db
        $table = Show-Table $summary
        $table | Should -Match 'Records\s+Inserted\s+Duplicates\s+Elapsed\s+Path'
        Join-Wrapped $table | Should -BeLike "*$(Join-Wrapped $lines)*"
        $table | Should -Not -Match $ellipsis
        Show-List $summary | Should -Match 'Database\s+: .*view\.db'
    }

    It 'imports piped records in one transaction, and a Get-CallRecord | Export-Csv copy answers like the original' {
        $db = Join-Path $TestDrive 'original.db'
        $copyDb = Join-Path $TestDrive 'copy.db'
        $csv = Join-Path $TestDrive 'records.csv'
        Import-CallRecord -Path $lines, $array -Database $db | Out-Null
        Get-CallRecord -Database $db -TimeZone Pacific/Auckland | Export-Csv -Path $csv
        $summary = Import-Csv $csv | Import-CallRecord -Database $copyDb
        @($summary).Count | Should -Be 1
        $summary.Records | Should -Be 15
        $summary.Path | Should -BeNullOrEmpty
        Get-CallCountry -Database $copyDb | Should -Be (Get-CallCountry -Database $db)
        (Get-CallRegion -Country 'New Zealand' -Database $copyDb).ZoneId | Should -Be (Get-CallRegion -Country 'New Zealand' -Database $db).ZoneId
        $original = Get-CallStatistic Hourly -GroupBy unanswered -Database $db | ConvertTo-Json -Depth 3
        Get-CallStatistic Hourly -GroupBy unanswered -Database $copyDb | ConvertTo-Json -Depth 3 | Should -Be $original
        (Get-CallRecord -Database $db | Import-CallRecord -Database $copyDb).Duplicates | Should -Be 15
    }

    It 'reports a bad piped record with its number and field, and keeps the others' {
        $db = Join-Path $TestDrive 'piped.db'
        $rows = @(
            [pscustomobject]@{ call_id = 'p1'; call_time = '2016-03-04T08:00:00Z'; call_direction = 'inbound' }
            [pscustomobject]@{ call_id = 'p2'; call_time = '03/04/2016 08:00:00 +13:00'; call_direction = 'inbound' }
            [pscustomobject]@{ call_id = 'p3'; call_time = '2016-03-04T08:05:00Z'; direction = 'outbound' }
        )
        $summary = $rows | Import-CallRecord -Database $db -ErrorVariable problems -ErrorAction SilentlyContinue
        $summary.Inserted | Should -Be 2
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInputObject,*'
        $problems[0].Exception.Message | Should -Match "record 2, field 'call_time'"
        (Get-CallRecord -Database $db).CallDirection | Should -Be @('inbound', 'outbound')
    }

    It 'warns once per file when no record says its direction' {
        $db = Join-Path $TestDrive 'nodirection.db'
        $file = Join-Path $TestDrive 'nodirection.jsonl'
        Set-Content -Path $file -Value @('{"call_id":"n1","timestamp":63624297665}', '{"call_id":"n2","timestamp":63624297765}')
        Import-CallRecord -Path $file, $lines -Database $db -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '*nodirection.jsonl*direction*'
    }

    It 'refuses a piped record at the calendar''s end, and reads never fail' {
        $db = Join-Path $TestDrive 'ends.db'
        $none = [NullString]::Value
        $records = @(
            [SupportTools.Calls.CallRecord]::new('ok', [datetimeoffset] '2016-03-04T08:00:00Z', 'inbound', 5, 5, 0, $none, $none, $none, $none, $false, $null, $null)
            [SupportTools.Calls.CallRecord]::new('end', [datetimeoffset]::MaxValue, 'inbound', 5, 5, 0, $none, $none, $none, $none, $false, $null, $null)
        )
        $summary = $records | Import-CallRecord -Database $db -ErrorVariable problems -ErrorAction SilentlyContinue
        $summary.Inserted | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInputObject,*'
        $problems[0].Exception.Message | Should -Match "record 2, field 'call_time'"
        (Get-CallRecord -Database $db -TimeZone Pacific/Kiritimati).CallId | Should -Be 'ok'
    }
}
