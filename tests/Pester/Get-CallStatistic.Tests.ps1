BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'CallTestData.ps1')
}

Describe 'Get-CallStatistic' {
    BeforeAll {
        $db = New-CallTestStore (Join-Path $TestDrive 'calls.db') $callTestCalls
        $march = '[{"name":"call_time","op":"gte","val":"00:00:00 04/03/2016"},{"name":"call_time","op":"lt","val":"00:00:00 05/03/2016"}]'
    }

    It 'computes the service documentation''s example hour exactly' {
        $rows = Get-CallStatistic Hourly -Database $db -TimeZone Pacific/Auckland -GroupBy unanswered -Filter $march

        $rows.Count | Should -Be 2
        $rows[0].PeriodLabel | Should -Be '08:00:00 04/03/2016'
        $rows[0].Period | Should -Be ([datetimeoffset] '2016-03-04T08:00:00+13:00')
        $rows[0].Group | Should -Be '0'
        $rows[0].Total | Should -Be 6
        $rows[0].DurationMin | Should -Be 5
        $rows[0].DurationMax | Should -Be 79
        $rows[0].DurationMedian | Should -Be 6.5
        $rows[0].DurationMean | Should -Be 19.0
        $rows[0].AnswerSeizureRatio | Should -Be 1
        $rows[1].Group | Should -Be '1'
        $rows[1].Answered | Should -Be 0
        $rows[1].AverageCallDuration | Should -BeNullOrEmpty
    }

    It 'gives the repeated hour of a fall-back two rows with different offsets' {
        $rows = Get-CallStatistic Hourly -Database $db -TimeZone Pacific/Auckland -Filter @{ name = 'call_time'; op = 'gte'; val = '2026-04-05' }

        $rows.PeriodLabel | Should -Be @('02:00:00 05/04/2026', '02:00:00 05/04/2026')
        $rows.Period.Offset.TotalHours | Should -Be @(13, 12)
        $rows.Total | Should -Be @(1, 1)
    }

    It 'fills the quiet hours of a bounded day with zero rows' {
        $rows = Get-CallStatistic Hourly -Database $db -TimeZone Pacific/Auckland -Filter $march -IncludeEmpty

        $rows.Count | Should -Be 24
        ($rows | Measure-Object Total -Sum).Sum | Should -Be 8
        ($rows | Where-Object Total -eq 0).Count | Should -Be 22
    }

    It 'shows whole values in its default table at 120 columns' {
        $rows = Get-CallStatistic Hourly -Database $db -TimeZone Pacific/Auckland -GroupBy call_direction -Filter $march -IncludeEmpty
        $table = Show-Table $rows

        $table | Should -Not -Match $ellipsis
        $table | Should -Match 'Period\s+Group\s+Total\s+DurationMedian\s+DurationMean\s+Answered\s+AnswerSeizureRatio\s+AverageCallDuration'
        $table | Should -Match '(?m)^2016-03-04 08:00 \+13:00 inbound\s+4\s+6\.5\s+7\.25\s+4\s+1\.000\s+7\.25\s*$'
        $table | Should -Match '(?m)^2016-03-04 08:00 \+13:00 outbound\s+2\s+42\.5\s+42\.5\s+2\s+1\.000\s+42\.5\s*$'
        $table | Should -Match '(?m)^2016-03-04 09:00 \+13:00\s+1\s+2\s+2\s+0\s+0\.000\s*$'  # the calls without a direction: group ''
        ($table -split "`n" | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
        Show-List $rows[0] | Should -Match 'PeriodLabel\s+: 00:00:00 04/03/2016'
    }

    It 'round-trips through Export-Csv and Import-Csv' {
        $rows = Get-CallStatistic Daily -Database $db -GroupBy call_direction
        $csv = Join-Path $TestDrive 'stats.csv'
        $rows | Export-Csv -Path $csv
        $back = Import-Csv -Path $csv

        (Get-Content $csv -TotalCount 1) -replace '"', '' |
            Should -Be 'Period,PeriodLabel,Group,Total,DurationMin,DurationMax,DurationMedian,DurationMean,Answered,AnswerSeizureRatio,AverageCallDuration'
        $back.Count | Should -Be $rows.Count
        Get-PropertyDifference $back $rows -Property PeriodLabel, Group, Total, DurationMedian, Answered -Expect {
            param($Value) if ($null -eq $Value) { '' } else { [string]::Format([cultureinfo]::InvariantCulture, '{0}', $Value) }
        } | Should -BeNullOrEmpty
    }

    It 'names the bad part of a filter' {
        { Get-CallStatistic Daily -Database $db -Filter '[{"name":"calltime","op":"gte","val":"x"}]' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCallFilter,SupportTools.Commands.Calls.GetCallStatisticCommand' -ExpectedMessage "filter ``[0``]: unknown field 'calltime'*"
        { Get-CallStatistic Daily -Database $db -TimeZone Mars/Base -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownTimeZone,*'
        { Get-CallStatistic Daily -Database (Join-Path $TestDrive 'none.db') -ErrorAction Stop } | Should -Throw -ErrorId 'DatabaseNotFound,*'
    }

    It 'counts calls, not legs, unless -Leg is given' {
        # Kazoo writes one CDR per leg: a customer's inbound A-leg bridged to an agent's outbound B-leg is one call.
        $legsDb = Join-Path $TestDrive 'legs.db'
        $legs = Join-Path $TestDrive 'legs.jsonl'
        Set-Content -Path $legs -Value @(
            '{"call_id":"a1","call_direction":"inbound","timestamp":63624297665,"duration_seconds":"65","billing_seconds":"0","interaction_id":"63624297600-5f0c2a71","caller_id_number":"+6434181234"}'
            '{"call_id":"b1","call_direction":"outbound","timestamp":63624297665,"duration_seconds":"60","billing_seconds":"55","custom_channel_vars":{"interaction_id":"63624297600-5f0c2a71","bridge_id":"a1"},"other_leg_call_id":"a1"}'
        )
        Import-CallRecord -Path $legs -Database $legsDb | Out-Null
        $calls = Get-CallStatistic Daily -Database $legsDb
        $calls.Total | Should -Be 1
        $calls.Answered | Should -Be 1 # answered when any leg was
        $calls.DurationMax | Should -Be 65
        (Get-CallStatistic Daily -Database $legsDb -Leg).Total | Should -Be 2
        (Get-CallRecord -Database $legsDb).Legs | Should -Be 2
        (Get-CallRecord -Database $legsDb -Leg).CallId | Should -Be @('a1', 'b1')
        (Get-CallStatistic Daily -Database $legsDb -GroupBy call_direction).Group | Should -Be 'inbound'
    }
}
