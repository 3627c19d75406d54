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

    Context 'Import-Csv rows of its own input' {
        BeforeAll {
            $csv = Join-Path $TestDrive 'round-trip.csv'
            function Copy-ThroughCsv { param([Parameter(ValueFromPipeline)] $InputObject) begin { $all = @() } process { $all += $InputObject } end { $all | Export-Csv $csv; Import-Csv $csv } }
        }

        It 'gives the same JSON as the direct pipe for <Period> statistics in <Culture>' -ForEach @(
            @{ Period = 'Hourly'; Culture = 'en-US' }
            @{ Period = 'Daily'; Culture = 'de-DE' }   # decimal commas in the CSV
            @{ Period = 'Weekly'; Culture = 'en-GB' }  # day-first dates in the Period column
            @{ Period = 'Monthly'; Culture = 'fr-FR' }
        ) {
            $saved = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = $Culture
                $stats = Get-CallStatistic $Period -Database $db -TimeZone Pacific/Auckland
                $direct = $stats | ConvertTo-CallStatisticJson -WarningAction SilentlyContinue
                $copied = $stats | Copy-ThroughCsv | ConvertTo-CallStatisticJson -WarningAction SilentlyContinue
            }
            finally { [cultureinfo]::CurrentCulture = $saved }

            $copied | Should -BeExactly $direct
            $copied | Should -Match '"mean":(19\.0|14\.875)'
            if ($Culture -eq 'de-DE') { Get-Content $csv -Raw | Should -Match '"14,875"' }
        }

        It 'keeps the groups of a grouped query, the calls without a direction ("") included' {
            $stats = Get-CallStatistic Monthly -Database $db -TimeZone Pacific/Auckland -GroupBy call_direction
            $direct = ($stats | ConvertTo-CallStatisticJson -WarningAction SilentlyContinue | ConvertFrom-Json -AsHashtable).data
            $copied = ($stats | Copy-ThroughCsv | ConvertTo-CallStatisticJson -WarningAction SilentlyContinue -WarningVariable warned | ConvertFrom-Json -AsHashtable).data

            $copied.Keys | Should -Be $direct.Keys
            foreach ($label in $direct.Keys) {
                ($copied[$label].groups | ConvertTo-Json -Compress -Depth 5) | Should -BeExactly ($direct[$label].groups | ConvertTo-Json -Compress -Depth 5)
                $copied[$label].total | Should -Be $direct[$label].total
                $copied[$label].duration_seconds.mean | Should -Be $direct[$label].duration_seconds.mean
            }
            $direct['00:00:00 01/03/2016'].groups.Keys | Should -Contain ''
            # A period's median over several groups is not in the groups' rows: the CSV cannot give it back.
            $copied['00:00:00 01/03/2016'].duration_seconds.median | Should -BeNullOrEmpty
            $warned | Should -Match 'median over those groups is unknown'
        }

        It 'takes regions, and countries as a Country column' {
            $regions = Get-CallRegion -Country 'New Zealand' -Database $db
            $regions | Copy-ThroughCsv | ConvertTo-CallStatisticJson | Should -BeExactly ($regions | ConvertTo-CallStatisticJson)
            $countries = Get-CallCountry -Database $db
            $countries | Select-Object @{ Name = 'Country'; Expression = { $_ } } | Copy-ThroughCsv | ConvertTo-CallStatisticJson |
                Should -BeExactly ($countries | ConvertTo-CallStatisticJson)
        }

        It 'reports a row of other columns, or a value it cannot read, naming the row, and writes the rest' {
            $rows = @(
                [pscustomobject]@{ PeriodLabel = '08:00:00 04/03/2016'; Group = ''; Total = '6'; DurationMin = '5'; DurationMax = '79'; DurationMedian = '6.5'; DurationMean = '19' }
                [pscustomobject]@{ Name = 'x'; Value = 1 }
                [pscustomobject]@{ PeriodLabel = '09:00:00 04/03/2016'; Group = ''; Total = 'many' }
            )
            $json = $rows | ConvertTo-CallStatisticJson -ErrorVariable problems -ErrorAction SilentlyContinue

            $json | Should -BeExactly '{"data":{"08:00:00 04/03/2016":{"total":6,"groups":{},"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":19.0}}}}'
            $problems.Count | Should -Be 2
            $problems.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'InvalidInputObject,*' }
            $problems[0].Exception.Message | Should -Match 'this row has Name, Value'
            $problems[1].Exception.Message | Should -Match "row 3: Total 'many' is not a whole number"
        }
    }
}
