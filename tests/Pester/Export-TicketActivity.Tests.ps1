BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Export-TicketActivity' {
    BeforeAll {
        $generated = New-TicketActivity -TicketCount 100 -Seed 5 -Path (Join-Path $TestDrive 'generated.json') @window
        $db = Join-Path $TestDrive 'store.db'
        Import-TicketActivity -Path $generated.Path -Database $db | Out-Null
    }

    It 'round-trips Get-TicketActivity to the generated file byte for byte' {
        # The store reads ticket by ticket; the generator writes in time order, ties in ticket (creation) order.
        $exported = Get-TicketActivity -Database $db | Sort-Object { $_.PerformedAt.UtcDateTime }, TicketId -Stable |
            Export-TicketActivity -Path (Join-Path $TestDrive 'exported.json')

        $exported.Activities | Should -Be $generated.Activities
        $exported.Tickets | Should -Be $generated.Tickets
        Get-ActivitiesData $exported.Path | Should -BeExactly (Get-ActivitiesData $generated.Path)
    }

    It 'writes the earliest and latest performed_at as the metadata window' {
        $activities = Get-TicketActivity -Database $db -TicketId ((Get-TicketActivity -Database $db).TicketId | Select-Object -Unique -First 3)
        $exported = $activities | Export-TicketActivity -Path (Join-Path $TestDrive 'three.json')
        $times = $activities.PerformedAt | Sort-Object

        $exported.StartAt | Should -Be $times[0]
        $exported.EndAt | Should -Be $times[-1]
        $metadata = (Get-Content $exported.Path -Raw | ConvertFrom-Json).metadata
        # The window is UTC, so the export's +hhmm offset is +0000.
        $metadata.start_at | Should -Be ($times[0].ToString('dd-MM-yyyy HH:mm:ss', [cultureinfo]::InvariantCulture) + ' +0000')
        $metadata.end_at | Should -Be ($times[-1].ToString('dd-MM-yyyy HH:mm:ss', [cultureinfo]::InvariantCulture) + ' +0000')
        $metadata.activities_count | Should -Be $activities.Count
    }

    It 'leaves an existing file alone with -NoClobber' {
        $path = Join-Path $TestDrive 'exists.json'
        Set-Content -Path $path -Value 'keep me'

        $thrown = { Get-TicketActivity -Database $db -TicketId 1 | Export-TicketActivity -Path $path -NoClobber } |
            Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
        Get-Content $path | Should -Be 'keep me'
    }

    It 'writes no file under -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.json'
        Get-TicketActivity -Database $db -TicketId 1 | Export-TicketActivity -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
    }

    It 'has help with examples' {
        @((Get-Help Export-TicketActivity -Examples).examples.example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'Export-TicketActivity to a .csv path' {
    It 'writes the activity columns with ISO 8601 times that read back as the same activities' {
        $csv = Join-Path $TestDrive 'activities.csv'
        $activities = @(New-TicketActivity 10 -Seed 21 -Start '2026-04-05T00:00:00Z' -End '2026-04-06T00:00:00Z')
        $summary = $activities | Export-TicketActivity $csv
        $summary.Activities | Should -Be $activities.Count
        $lines = Get-Content $csv
        $lines[0] | Should -Be '"TicketId","PerformedAt","PerformerType","PerformerId","Status","NoteId","NoteType","RequesterId","IsAutomation","Changes","Activity","IsSystemActor"'
        $lines[1] | Should -Match '^"\d+","2026-04-0[56]T\d\d:\d\d:\d\d\+00:00","'
        $back = @(Import-Csv $csv | Export-TicketActivity (Join-Path $TestDrive 'back.json'))
        $back.Activities | Should -Be $activities.Count
        (Import-Csv $csv | Get-TicketDuration | ConvertTo-Json -Compress) | Should -Be ($activities | Get-TicketDuration | ConvertTo-Json -Compress)
    }
}
