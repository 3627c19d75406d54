BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'New-TicketActivity' {
    It 'writes the same bytes for the same seed and window, and other bytes for another seed' {
        $a = New-TicketActivity -TicketCount 200 -Seed 7 -Path (Join-Path $TestDrive 'a.json') @window
        $b = New-TicketActivity -TicketCount 200 -Seed 7 -Path (Join-Path $TestDrive 'b.json') @window
        $c = New-TicketActivity -TicketCount 200 -Seed 8 -Path (Join-Path $TestDrive 'c.json') @window

        $a.Tickets | Should -Be 200
        $a.Activities | Should -BeGreaterThan 400 -Because 'a realistic ticket has several activities'
        $a.Bytes | Should -Be (Get-Item $a.Path).Length
        (Get-FileHash $b.Path).Hash | Should -Be (Get-FileHash $a.Path).Hash
        (Get-FileHash $c.Path).Hash | Should -Not -Be (Get-FileHash $a.Path).Hash
    }

    It 'emits the same activities as objects as it writes to a file' {
        $file = New-TicketActivity -TicketCount 60 -Seed 4 -Path (Join-Path $TestDrive 'file.json') @window
        $fromObjects = New-TicketActivity -TicketCount 60 -Seed 4 @window |
            Export-TicketActivity -Path (Join-Path $TestDrive 'objects.json')

        $fromObjects.Activities | Should -Be $file.Activities
        Get-ActivitiesData $fromObjects.Path | Should -BeExactly (Get-ActivitiesData $file.Path)
    }

    It 'defaults to the 24 hours ending now, in whole seconds, UTC' {
        $before = [datetimeoffset]::UtcNow.AddSeconds(-1)
        $summary = New-TicketActivity -TicketCount 3 -Seed 1 -Path (Join-Path $TestDrive 'now.json')
        $after = [datetimeoffset]::UtcNow

        $summary.EndAt.Offset | Should -Be ([timespan]::Zero)
        $summary.EndAt.Ticks % [timespan]::TicksPerSecond | Should -Be 0
        $summary.EndAt | Should -BeGreaterOrEqual $before
        $summary.EndAt | Should -BeLessOrEqual $after
        $summary.EndAt - $summary.StartAt | Should -Be ([timespan]::FromHours(24))
    }

    It 'takes the 24 hours from -Start, or up to -End, when only one is given' {
        $fromStart = New-TicketActivity -TicketCount 3 -Seed 1 -Start '2024-03-04T06:00:00Z' -Path (Join-Path $TestDrive 'start.json')
        $toEnd = New-TicketActivity -TicketCount 3 -Seed 1 -End '2024-03-04T06:00:00Z' -Path (Join-Path $TestDrive 'end.json')

        $fromStart.EndAt | Should -Be ([datetimeoffset] '2024-03-05T06:00:00Z')
        $toEnd.StartAt | Should -Be ([datetimeoffset] '2024-03-03T06:00:00Z')
    }

    It 'reports its random seed with -Verbose, and that seed reproduces the file' {
        $first = Join-Path $TestDrive 'random.json'
        $verbose = New-TicketActivity -TicketCount 30 -Path $first @window -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $seed = [regex]::Match(($verbose.Message -join "`n"), 'seed (-?\d+)').Groups[1].Value
        $seed | Should -Not -BeNullOrEmpty

        $again = New-TicketActivity -TicketCount 30 -Seed ([int] $seed) -Path (Join-Path $TestDrive 'again.json') @window
        (Get-FileHash $again.Path).Hash | Should -Be (Get-FileHash $first).Hash
    }

    It 'emits flat objects that Export-Csv writes with the expected header' {
        $csv = Join-Path $TestDrive 'activities.csv'
        $activities = New-TicketActivity -TicketCount 20 -Seed 1 @window
        $activities | Export-Csv -Path $csv

        $header = (Get-Content $csv -TotalCount 1) -replace '"', ''
        $header | Should -Be 'TicketId,PerformedAt,PerformerType,PerformerId,Status,NoteId,NoteType,RequesterId,IsAutomation,Changes,Activity,IsSystemActor'
        $rows = Import-Csv $csv
        $rows.Count | Should -Be $activities.Count
        $rows[0].Activity | Should -BeExactly $activities[0].Activity
        ($rows[0].Activity | ConvertFrom-Json).PSObject.Properties.Name -join ',' | Should -Be $activities[0].Changes
    }

    It 'writes no file under -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.json'
        New-TicketActivity -TicketCount 5 -Seed 1 -Path $path @window -WhatIf
        Test-Path $path | Should -BeFalse
    }

    It 'shows its summary whole in the default table at 120 columns, and the window in the list view' {
        $summary = New-TicketActivity -TicketCount 50 -Seed 2 -Path (Join-Path $TestDrive 'view.json') @window
        $table = Show-Table $summary

        $table | Should -Match 'Activities\s+Tickets\s+Bytes\s+Elapsed\s+Path'
        $table | Should -Not -Match $ellipsis
        $table | Should -Match ('{0:N0}\s+{1:N0}\s+{2:N0}\s+\d+\.\d\d:\d\d:\d\d\.\d{{3}} ' -f $summary.Activities, $summary.Tickets, $summary.Bytes)
        Join-Wrapped $table | Should -Match ([regex]::Escape($summary.Path))

        $list = Show-List $summary
        $list | Should -Match 'StartAt\s+: 2024-03-04 00:00:00 \+00:00'
        $list | Should -Match 'EndAt\s+: 2024-03-05 00:00:00 \+00:00'
        $list | Should -Match ('Bytes\s+: {0:N0}' -f $summary.Bytes)
    }

    It 'has help with examples' {
        $help = Get-Help New-TicketActivity -Examples
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        $help.examples.example[0].code | Should -Match 'New-TicketActivity'
    }
}
