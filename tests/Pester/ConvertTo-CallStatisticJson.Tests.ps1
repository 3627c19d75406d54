BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'CallTestData.ps1')
}

Describe 'ConvertTo-CallStatisticJson' {
    BeforeAll {
        $db = New-CallTestStore (Join-Path $TestDrive 'calls.db') $callTestCalls
        $query = '[{"name":"call_time","op":"gte","val":"00:00:00 04/03/2016"},{"name":"call_time","op":"lte","val":"23:00:00 04/03/2016"},{"name":"call_direction","op":"in","val":["inbound","outbound"]}]'
    }

    It 'writes the service documentation''s example response' {
        $json = Get-CallStatistic Hourly -Database $db -TimeZone Pacific/Auckland -GroupBy unanswered -Filter $query | ConvertTo-CallStatisticJson

        $json | Should -BeOfType [string]
        $json | Should -BeExactly ('{"data":{"08:00:00 04/03/2016":{"total":6,"groups":{"0":{"total":6,"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":19.0}}},"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":19.0}},' +
            '"09:00:00 04/03/2016":{"total":1,"groups":{"1":{"total":1,"duration_seconds":{"max":3,"min":3,"median":3.0,"mean":3.0}}},"duration_seconds":{"max":3,"min":3,"median":3.0,"mean":3.0}}}}')
    }

    It 'reads back with ConvertFrom-Json, empty periods omitted' {
        $body = Get-CallStatistic Daily -Database $db -IncludeEmpty | ConvertTo-CallStatisticJson -Indent | ConvertFrom-Json -AsHashtable

        $body.data.Keys | Should -Be @('00:00:00 03/03/2016', '00:00:00 04/04/2026')
        $body.data['00:00:00 03/03/2016'].total | Should -Be 8
        $body.data['00:00:00 03/03/2016'].groups.Count | Should -Be 0
        $body.data['00:00:00 03/03/2016'].duration_seconds.median | Should -Be 6.0
    }

    It 'writes the countries and regions bodies' {
        'New Zealand', 'Australia' | ConvertTo-CallStatisticJson | Should -BeExactly '{"data":{"countries":["New Zealand","Australia"]}}'
        [SupportTools.Calls.CallRegion]::new('Australia', 'Australia Mobile', 350604), [SupportTools.Calls.CallRegion]::new('Australia', 'Australia Melbourne', 7721) |
            ConvertTo-CallStatisticJson | Should -BeExactly '{"data":{"countries":{"Australia":{"Australia Mobile":[350604],"Australia Melbourne":[7721]}}}}'
    }

    It 'warns about the repeated hour of a fall-back' {
        $json = Get-CallStatistic Hourly -Database $db -TimeZone Pacific/Auckland -Filter @{ name = 'call_time'; op = 'gte'; val = '2026-04-05' } |
            ConvertTo-CallStatisticJson -WarningVariable warnings -WarningAction SilentlyContinue

        ([regex]::Matches($json, '"02:00:00 05/04/2026"')).Count | Should -Be 2
        $warnings.Count | Should -Be 1
    }

    It 'reports other objects and still writes the rest' {
        $json = 'Ghana', 42 | ConvertTo-CallStatisticJson -ErrorVariable problems -ErrorAction SilentlyContinue

        $json | Should -BeExactly '{"data":{"countries":["Ghana"]}}'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInputObject,*'
    }
}
