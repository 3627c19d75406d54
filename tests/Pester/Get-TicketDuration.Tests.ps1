BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Get-TicketDuration' {
    BeforeAll {
        # One hand-made ticket, written newest first: requester 9, agent 5. Only the agent's public reply at 10:30 is a
        # first response (10:15 is the requester's own note, 10:20 a private note, 10:25 an automation).
        $ticketFile = Join-Path $TestDrive 'ticket.json'
        Set-Content -Path $ticketFile -Value @(
            '{"metadata":{"start_at":"04-03-2024 00:00:00 +0000","end_at":"05-03-2024 00:00:00 +0000","activities_count":8},"activities_data":['
            '{"performed_at":"04-03-2024 13:00:00 +0000","ticket_id":77,"performer_type":"user","performer_id":9,"activity":{"status":"Open"}},'
            '{"performed_at":"04-03-2024 12:00:00 +0000","ticket_id":77,"performer_type":"user","performer_id":5,"activity":{"status":"Resolved"}},'
            '{"performed_at":"04-03-2024 11:00:00 +0000","ticket_id":77,"performer_type":"user","performer_id":5,"activity":{"status":"Pending"}},'
            '{"performed_at":"04-03-2024 10:30:00 +0000","ticket_id":77,"performer_type":"user","performer_id":5,"activity":{"note":{"id":4,"type":0}}},'
            '{"performed_at":"04-03-2024 10:25:00 +0000","ticket_id":77,"performer_type":"system","activity":{"automation":{"type":"dispatcher","rule":"r"},"note":{"id":3,"type":4}}},'
            '{"performed_at":"04-03-2024 10:20:00 +0000","ticket_id":77,"performer_type":"user","performer_id":5,"activity":{"note":{"id":2,"type":3}}},'
            '{"performed_at":"04-03-2024 10:15:00 +0000","ticket_id":77,"performer_type":"user","performer_id":9,"activity":{"note":{"id":1,"type":0}}},'
            '{"performed_at":"04-03-2024 10:00:00 +0000","ticket_id":77,"performer_type":"user","performer_id":9,"activity":{"new_ticket":true,"status":"Open","requester_id":9}}'
            ']}'
        )
        $rulesDb = Join-Path $TestDrive 'rules.db'
        Import-TicketActivity -Path $ticketFile -Database $rulesDb | Out-Null
        $ticket = @(Get-TicketActivity -Database $rulesDb)
    }

    Context 'rules, on a hand-made ticket' {
        It 'runs the last interval to the latest activity by default (<Source>)' -ForEach @(
            @{ Source = 'store' }, @{ Source = 'pipeline' }
        ) {
            # Piped in reverse: the cmdlet orders each ticket's activities by performed_at itself.
            $d = if ($Source -eq 'store') { Get-TicketDuration -Database $rulesDb } else { $ticket[($ticket.Count - 1)..0] | Get-TicketDuration }

            $d.TicketId | Should -Be 77
            $d.CreatedAt | Should -Be ([datetimeoffset] '2024-03-04T10:00:00Z')
            $d.Status | Should -Be 'Open'
            $d.OpenTime | Should -Be ([timespan] '01:00:00')
            $d.PendingTime | Should -Be ([timespan] '01:00:00')
            $d.WaitingOnCustomerTime | Should -Be ([timespan]::Zero)
            $d.WaitingOnThirdPartyTime | Should -Be ([timespan]::Zero)
            $d.TimeToFirstResponse | Should -Be ([timespan] '00:30:00')
            $d.TimeToResolution | Should -Be ([timespan] '02:00:00')
            $d.ResolvedAt | Should -Be ([datetimeoffset] '2024-03-04T12:00:00Z')
            $d.Reopens | Should -Be 1
            $d.ActivityCount | Should -Be 8
        }

        It 'runs open intervals to a later -AsOf' {
            $d = $ticket | Get-TicketDuration -AsOf '2024-03-04T14:00:00Z'
            $d.OpenTime | Should -Be ([timespan] '02:00:00')
            $d.PendingTime | Should -Be ([timespan] '01:00:00')
        }

        It 'does not examine activities after an earlier -AsOf' {
            $d = $ticket | Get-TicketDuration -AsOf '2024-03-04T11:30:00Z'
            $d.Status | Should -Be 'Pending'
            $d.OpenTime | Should -Be ([timespan] '01:00:00')
            $d.PendingTime | Should -Be ([timespan] '00:30:00')
            $d.TimeToResolution | Should -BeNullOrEmpty
            $d.ResolvedAt | Should -BeNullOrEmpty
            $d.Reopens | Should -Be 0
            $d.ActivityCount | Should -Be 6
        }
    }

    Context 'generated activity' {
        BeforeAll {
            $file = New-TicketActivity -TicketCount 200 -Seed 3 -Path (Join-Path $TestDrive 'activities.json') @window
            $db = Join-Path $TestDrive 'durations.db'
            Import-TicketActivity -Path $file.Path -Database $db | Out-Null
            $fromStore = Get-TicketDuration -Database $db
            $properties = 'TicketId', 'CreatedAt', 'Status', 'Priority', 'Group', 'OpenTime', 'PendingTime', 'WaitingOnCustomerTime',
                'WaitingOnThirdPartyTime', 'TimeToFirstResponse', 'TimeToResolution', 'ResolvedAt', 'Reopens', 'ActivityCount',
                'OpenHours', 'PendingHours', 'WaitingOnCustomerHours', 'WaitingOnThirdPartyHours', 'TimeToFirstResponseHours', 'TimeToResolutionHours',
                'OpenBusinessHours', 'PendingBusinessHours', 'WaitingOnCustomerBusinessHours', 'WaitingOnThirdPartyBusinessHours',
                'FirstResponseBusinessHours', 'ResolutionBusinessHours'
        }

        It 'gives the same durations from the store as from piped activities' {
            $fromPipe = New-TicketActivity -TicketCount 200 -Seed 3 @window | Get-TicketDuration

            $fromStore.Count | Should -Be 200
            Get-PropertyDifference $fromPipe $fromStore -Property $properties -Key TicketId | Should -BeNullOrEmpty
        }

        It 'round-trips through Export-Csv and Import-Csv' {
            $csv = Join-Path $TestDrive 'durations.csv'
            $fromStore | Export-Csv -Path $csv
            $rows = Import-Csv -Path $csv

            (Get-Content $csv -TotalCount 1) -replace '"', '' | Should -Be ($properties -join ',')
            $rows.Count | Should -Be $fromStore.Count
            Get-PropertyDifference $rows $fromStore -Property $properties -Key TicketId -CaseSensitive -Expect {
                param($Value) if ($null -eq $Value) { '' } else { $Value.ToString() }
            } | Should -BeNullOrEmpty
            # Durations parse back to the same TimeSpan (an empty cell is a null).
            $durations = 'OpenTime', 'PendingTime', 'WaitingOnCustomerTime', 'WaitingOnThirdPartyTime', 'TimeToFirstResponse', 'TimeToResolution'
            $parsed = $rows | Select-Object @(
                'TicketId'
                foreach ($name in $durations) {
                    @{ Name = $name; Expression = [scriptblock]::Create("if (`$_.$name) { [timespan]::Parse(`$_.$name, [cultureinfo]::InvariantCulture) }") }
                }
            )
            Get-PropertyDifference $parsed $fromStore -Property $durations -Key TicketId | Should -BeNullOrEmpty
        }

        It 'shows whole values in its default table at 120 columns, with compact durations and empty nulls' {
            $table = Show-Table ($ticket | Get-TicketDuration -AsOf '2024-03-04T11:30:00Z')

            $table | Should -Match 'TicketId\s+Status\s+CreatedAt\s+OpenTime\s+TimeToFirstResponse\s+TimeToResolution\s+Reopens'
            # Ticket, status, creation, open 1 h, first response after 30 min, not resolved (empty), no reopening.
            $table | Should -Match '(?m)^\s*77 Pending\s+2024-03-04 10:00:00 \+00:00\s+0\.01:00\s+0\.00:30\s+0\s*$'

            # Months later the open time has three-digit days, still whole.
            $late = Show-Table ($ticket | Get-TicketDuration -AsOf '2024-07-01T13:00:00Z')
            $late | Should -Match '(?m)^\s*77 Open\s+2024-03-04 10:00:00 \+00:00\s+119\.01:00\s+0\.00:30\s+0\.02:00\s+1\s*$'
        }

        It 'shows every ticket whole in a table at 120 columns' {
            $table = Show-Table $fromStore
            $table | Should -Not -Match $ellipsis
            $missing = foreach ($d in $fromStore) {
                $row = '(?m)^\s*{0} {1}\s+{2}\b' -f $d.TicketId, [regex]::Escape($d.Status), [regex]::Escape((Format-ViewTime $d.CreatedAt))
                if ($table -notmatch $row) { "no row for ticket $($d.TicketId): $row" }
            }
            $missing | Should -BeNullOrEmpty
        }

        It 'uses the table formats in its list view, with every duration' {
            $list = Show-List ($ticket | Get-TicketDuration)

            $list | Should -Match 'CreatedAt\s+: 2024-03-04 10:00:00 \+00:00'
            $list | Should -Match 'OpenTime\s+: 0\.01:00'
            $list | Should -Match 'PendingTime\s+: 0\.01:00'
            $list | Should -Match 'WaitingOnCustomerTime\s+: 0\.00:00'
            $list | Should -Match 'WaitingOnThirdPartyTime\s+: 0\.00:00'
            $list | Should -Match 'TimeToFirstResponse\s+: 0\.00:30'
            $list | Should -Match 'TimeToResolution\s+: 0\.02:00'
            $list | Should -Match 'ResolvedAt\s+: 2024-03-04 12:00:00 \+00:00'
            $list | Should -Match 'Reopens\s+: 1'
            $list | Should -Match 'ActivityCount\s+: 8'
            $list | Should -Match ('OpenHours\s+: {0:N2}' -f 1)
            $list | Should -Match ('TimeToFirstResponseHours\s+: {0:N2}' -f 0.5)
            $list | Should -Match ('TimeToResolutionHours\s+: {0:N2}' -f 2)
        }
    }

    It 'has help with examples' {
        @((Get-Help Get-TicketDuration -Examples).examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'has a table view for every output type' {
        foreach ($type in 'TicketActivity', 'TicketDuration', 'ImportSummary', 'ExportSummary') {
            Get-FormatData -TypeName "SupportTools.Tickets.$type" | Should -Not -BeNullOrEmpty -Because $type
        }
    }
}

Describe 'Get-TicketDuration -BusinessHours (worked example)' {
    It 'runs the help example: business-hours time to resolution per priority, median and 90th percentile' {
        $db = Join-Path $TestDrive 'percentile.db'
        New-TicketActivity 300 -Seed 11 -Start '2026-11-02T00:00:00Z' -End '2026-11-16T00:00:00Z' | Import-TicketActivity -Database $db | Out-Null
        $help = @((Get-Help Get-TicketDuration -Examples).examples.example)
        $example = ($help | Where-Object { $_.title -like '*90th percentile*' }).code
        $example | Should -Not -BeNullOrEmpty
        $result = @(& ([scriptblock]::Create(($example -replace 'tickets\.db', $db.Replace('\', '\\')))))
        $result.Priority | Sort-Object | Should -Be @('High', 'Low', 'Medium', 'Urgent')
        foreach ($row in $result) {
            $row.Tickets | Should -BeGreaterThan 0
            $row.P90Hours | Should -BeGreaterOrEqual $row.MedianHours
        }
        # The median of one priority, recomputed independently from the durations.
        $low = @(Get-TicketDuration -Database $db -BusinessHours (New-BusinessSchedule -TimeZone America/New_York -Hours @{ Weekdays = '08:00-18:00' } -Holiday '2026-11-26') |
            Where-Object { $_.Priority -eq 'Low' -and $null -ne $_.ResolutionBusinessHours } | ForEach-Object ResolutionBusinessHours | Sort-Object)
        $mid = ($low.Count - 1) / 2
        $median = ($low[[Math]::Floor($mid)] + $low[[Math]::Ceiling($mid)]) / 2
        ($result | Where-Object Priority -eq 'Low').MedianHours | Should -Be ([Math]::Round($median, 2))
    }
}
