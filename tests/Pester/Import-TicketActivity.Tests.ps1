BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Import-TicketActivity' {
    BeforeAll {
        $exports = Join-Path $TestDrive 'exports'
        New-Item -ItemType Directory -Path $exports | Out-Null
        $first = New-TicketActivity -TicketCount 40 -Seed 1 -Path (Join-Path $exports 'first.json') @window
        $second = New-TicketActivity -TicketCount 30 -Seed 2 -Path (Join-Path $exports 'second.json') @window

        # Line 3 is a good activity, line 4 a bad one: the file must import nothing, not one activity.
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content -Path $bad -Value @(
            '{"metadata":{"start_at":"04-03-2024 00:00:00 +0000","end_at":"05-03-2024 00:00:00 +0000","activities_count":2},'
            ' "activities_data":['
            '  {"performed_at":"04-03-2024 10:00:00 +0000","ticket_id":9001,"performer_type":"user","performer_id":7,"activity":{"status":"Open"}},'
            '  {"performed_at":"yesterday","ticket_id":9001,"performer_type":"user","performer_id":7,"activity":{"status":"Pending"}}]}'
        )
    }

    It 'imports each file piped from Get-ChildItem in its own run, and nothing the second time' {
        $db = Join-Path $TestDrive 'files.db'
        $summaries = Get-ChildItem -Path $exports -Filter *.json | Sort-Object Name | Import-TicketActivity -Database $db

        $summaries.Count | Should -Be 2
        $summaries[0].Path | Should -Be $first.Path
        $summaries[0].Activities | Should -Be $first.Activities
        $summaries[0].Tickets | Should -Be 40
        $summaries[0].Inserted + $summaries[0].Duplicates | Should -Be $first.Activities
        $summaries[1].Tickets | Should -Be 30

        $again = Import-TicketActivity -Path (Join-Path $exports '*.json') -Database $db
        $again.Inserted | Should -Be @(0, 0)
        ($again.Duplicates | Measure-Object -Sum).Sum | Should -Be ($first.Activities + $second.Activities)
    }

    It 'imports piped activities as one run with no path' {
        $db = Join-Path $TestDrive 'piped.db'
        $activities = New-TicketActivity -TicketCount 25 -Seed 6 @window
        $summary = $activities | Import-TicketActivity -Database $db

        @($summary).Count | Should -Be 1
        $summary.Path | Should -BeNullOrEmpty
        $summary.Activities | Should -Be $activities.Count
        $summary.Inserted | Should -Be $activities.Count
        (Get-TicketActivity -Database $db).Count | Should -Be $activities.Count
    }

    It 'rejects a malformed file whole, names file, line and byte, and goes on with the next file' {
        $db = Join-Path $TestDrive 'bad.db'
        $summaries = Import-TicketActivity -Path $bad, $first.Path -Database $db -ErrorVariable problems -ErrorAction SilentlyContinue

        @($summaries).Count | Should -Be 1
        $summaries.Path | Should -Be $first.Path
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidExportFile,*'
        $problems[0].Exception.Message | Should -Match 'bad\.json, line 4, byte \d+'
        Get-TicketActivity -Database $db -TicketId 9001 | Should -BeNullOrEmpty
    }

    It 'creates no database under -WhatIf, for files and for piped activities' {
        $fromFile = Join-Path $TestDrive 'whatif-file.db'
        $fromPipe = Join-Path $TestDrive 'whatif-pipe.db'
        Import-TicketActivity -Path $first.Path -Database $fromFile -WhatIf
        New-TicketActivity -TicketCount 3 -Seed 1 @window | Import-TicketActivity -Database $fromPipe -WhatIf

        Test-Path $fromFile | Should -BeFalse
        Test-Path $fromPipe | Should -BeFalse
    }

    It 'shows whole values in its default table at 120 columns, and the same formats in its list view' {
        $db = Join-Path $TestDrive 'view.db'
        $summary = Import-TicketActivity -Path $first.Path -Database $db
        $piped = New-TicketActivity -TicketCount 3 -Seed 1 @window | Import-TicketActivity -Database $db
        $table = Show-Table @($summary, $piped)

        $table | Should -Match 'Activities\s+Tickets\s+Inserted\s+Duplicates\s+Elapsed\s+Path'
        $table | Should -Not -Match $ellipsis
        $counts = '{0:N0}\s+{1:N0}\s+{2:N0}\s+{3:N0}' -f $summary.Activities, $summary.Tickets, $summary.Inserted, $summary.Duplicates
        $table | Should -Match "$counts\s+\d+\.\d\d:\d\d:\d\d\.\d{3} "
        Join-Wrapped $table | Should -Match ([regex]::Escape($summary.Path))
        $table | Should -Match '\(pipeline\)'

        $list = Show-List $summary
        $list | Should -Match ('Activities\s+: {0:N0}' -f $summary.Activities)
        $list | Should -Match 'Elapsed\s+: \d+\.\d\d:\d\d:\d\d\.\d{3}'
        Join-Wrapped $list | Should -Match ([regex]::Escape($summary.Path))
        Join-Wrapped $list | Should -Match ('Database\s*:\s*{0}' -f [regex]::Escape($db))
    }

    It 'has help with examples' {
        @((Get-Help Import-TicketActivity -Examples).examples.example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'Import-TicketActivity: activities outside the file''s window' {
    It 'says so on the verbose stream, naming the record, and imports them' {
        # The window starts at 10:00:00; the second activity is at 09:59:59.
        $file = Join-Path $TestDrive 'early.json'
        Set-Content $file ('{"metadata":{"start_at":"20-04-2017 10:00:00 +0000","end_at":"21-04-2017 09:59:59 +0000","activities_count":2},"activities_data":[' +
            '{"performed_at":"20-04-2017 10:30:00 +0000","ticket_id":600,"performer_type":"user","performer_id":1,"activity":{"status":"Open"}},' +
            '{"performed_at":"20-04-2017 09:59:59 +0000","ticket_id":601,"performer_type":"user","performer_id":1,"activity":{"status":"Open"}}]}')
        $db = Join-Path $TestDrive 'early.db'
        $verbose = Import-TicketActivity -Path $file -Database $db -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $line = @($verbose | Where-Object Message -like '*outside the file*')
        $line.Count | Should -Be 1
        $line[0].Message | Should -BeLike "*1 activity fall*record 2, ticket 601 at 20-04-2017 09:59:59 +0000 (1 second before start_at)*"
        @(Get-TicketActivity -Database $db).Count | Should -Be 2
    }

    It 'says nothing when every activity is inside the window' {
        $file = Join-Path $TestDrive 'inside.json'
        New-TicketActivity 20 -Seed 5 -Start '2026-01-01T00:00:00Z' -End '2026-01-02T00:00:00Z' -Path $file | Out-Null
        $verbose = Import-TicketActivity -Path $file -Database (Join-Path $TestDrive 'inside.db') -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*outside the file*' }
        $verbose | Should -BeNullOrEmpty
    }
}
