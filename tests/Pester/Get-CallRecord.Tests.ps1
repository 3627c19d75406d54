BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'CallTestData.ps1')
}

Describe 'Get-CallRecord' {
    BeforeAll {
        $db = New-CallTestStore (Join-Path $TestDrive 'calls.db') $callTestCalls
        $properties = 'CallId', 'CallTime', 'CallTimeIso', 'CallDirection', 'DurationSeconds', 'BillingSeconds', 'RingingSeconds', 'CallerIdNumber',
            'CallerIdName', 'CalleeIdNumber', 'HangupCause', 'Unanswered', 'CallerZoneId', 'CalleeZoneId', 'InteractionId', 'Legs'
    }

    It 'writes the missed calls to a CSV file (the service''s CSV query)' {
        $csv = Join-Path $TestDrive 'missed.csv'
        Get-CallRecord -Filter @{ name = 'unanswered'; op = 'eq'; val = $true } -Database $db | Export-Csv $csv
        $rows = Import-Csv $csv

        (Get-Content $csv -TotalCount 1) -replace '"', '' | Should -Be ($properties -join ',')
        $rows.CallId | Should -Be @('u1', 'u2', 'd2')
        $rows[0].Unanswered | Should -Be 'True'
        [datetimeoffset]::Parse($rows[0].CallTime, [cultureinfo]::InvariantCulture) | Should -Be ([datetimeoffset] '2016-03-03T20:10:00Z')
    }

    It 'gives CallTime in the time zone, with the offset of its moment' {
        $records = Get-CallRecord '[{"name":"call_id","op":"in","val":["d1","d2","a0"]}]' -TimeZone Pacific/Auckland -Database $db

        $records.CallId | Should -Be @('a0', 'd1', 'd2')
        $records.CallTime.ForEach({ $_.ToString('o') }) | Should -Be @('2016-03-04T08:00:00.0000000+13:00', '2026-04-05T02:30:00.0000000+13:00', '2026-04-05T02:30:00.0000000+12:00')
    }

    It 'reads or-nested hashtables and local times in the zone' {
        $records = Get-CallRecord -Database $db -TimeZone Pacific/Auckland -Filter @(
            @{ or = @(@{ name = 'call_direction'; op = 'is_null' }, @{ name = 'caller_zone_id'; op = 'eq'; val = 8 }) }
            @{ name = 'call_time'; op = 'lt'; val = '10:00:00 04/03/2016' }
        )
        $records.CallId | Should -Be @('a2', 'u2')
    }

    It 'refuses a value of the wrong type, naming the filter' {
        { Get-CallRecord -Database $db -Filter @{ name = 'caller_zone_id'; op = 'eq'; val = 'seven' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCallFilter,*' -ExpectedMessage "*caller_zone_id takes a whole number, but val is the string 'seven'*"
    }
}
