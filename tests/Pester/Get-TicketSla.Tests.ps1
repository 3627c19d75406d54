BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Get-TicketSla' {
    BeforeAll {
        # Hand-made tickets on Monday 2 November 2026 (London is on UTC then). Requester 9, agent 5.
        # 77 (High): answered at 10:00, waits on the customer 10:30-11:01, the customer replies at 11:00, the agent answers
        #    at 16:00 (5 business hours later: next response breached at 15:00), resolved at 16:30.
        # 78 (Urgent, calendar goals): nobody answers. 79: Low at 09:00, High from 10:00 (the goal shrinks from 8h to 4h).
        $file = Join-Path $TestDrive 'sla.json'
        $rows = @(
            '{"performed_at":"02-11-2026 08:00:00 +0000","ticket_id":77,"performer_type":"user","performer_id":9,"activity":{"new_ticket":true,"status":"Open","priority":"High","group":"Billing","requester_id":9}}'
            '{"performed_at":"02-11-2026 10:00:00 +0000","ticket_id":77,"performer_type":"user","performer_id":5,"activity":{"note":{"id":1,"type":0}}}'
            '{"performed_at":"02-11-2026 10:30:00 +0000","ticket_id":77,"performer_type":"user","performer_id":5,"activity":{"status":"Waiting on Customer"}}'
            '{"performed_at":"02-11-2026 11:00:00 +0000","ticket_id":77,"performer_type":"user","performer_id":9,"activity":{"note":{"id":2,"type":0}}}'
            '{"performed_at":"02-11-2026 11:01:00 +0000","ticket_id":77,"performer_type":"system","activity":{"status":"Open","automation":{"type":"observer","rule":"reopen on reply"}}}'
            '{"performed_at":"02-11-2026 16:00:00 +0000","ticket_id":77,"performer_type":"user","performer_id":5,"activity":{"note":{"id":3,"type":0}}}'
            '{"performed_at":"02-11-2026 16:30:00 +0000","ticket_id":77,"performer_type":"user","performer_id":5,"activity":{"status":"Resolved"}}'
            '{"performed_at":"02-11-2026 09:00:00 +0000","ticket_id":78,"performer_type":"user","performer_id":19,"activity":{"new_ticket":true,"status":"Open","priority":"Urgent","group":"Sales","requester_id":19}}'
            '{"performed_at":"02-11-2026 09:00:00 +0000","ticket_id":79,"performer_type":"user","performer_id":29,"activity":{"new_ticket":true,"status":"Open","priority":"Low","group":"Billing","requester_id":29}}'
            '{"performed_at":"02-11-2026 10:00:00 +0000","ticket_id":79,"performer_type":"user","performer_id":5,"activity":{"priority":"High"}}'
        )
        Set-Content -Path $file -Value ('{"metadata":{"start_at":"02-11-2026 00:00:00 +0000","end_at":"02-11-2026 23:59:59 +0000","activities_count":10},"activities_data":[' + ($rows -join ',') + ']}')
        $db = Join-Path $TestDrive 'sla.db'
        Import-TicketActivity -Path $file -Database $db | Out-Null
        $schedule = New-BusinessSchedule -TimeZone Europe/London -Hours @{ 'Mon-Fri' = '09:00-17:00' }
        $policy = @{
            Priorities = @{
                Urgent = @{ FirstResponse = '1h'; Resolution = '4h'; Basis = 'Calendar' }
                High   = @{ FirstResponse = '4h'; NextResponse = '4h'; Resolution = '16h' }
                Low    = @{ FirstResponse = '8h'; Resolution = '40h' }
            }
        }
        $asOf = [datetimeoffset]'2026-11-02T17:00:00Z'
        $sla = @(Get-TicketSla -Policy $policy -BusinessHours $schedule -Database $db -AsOf $asOf)
    }

    It 'reports first response, next response and resolution of an answered ticket' {
        $first = $sla | Where-Object { $_.TicketId -eq 77 -and $_.Target -eq 'FirstResponse' }
        $first.Status | Should -Be 'Achieved'
        $first.Priority | Should -Be 'High'
        $first.Group | Should -Be 'Billing'
        $first.ElapsedHours | Should -Be 1          # 08:00-10:00, of which 09:00-10:00 is business time
        $first.RemainingHours | Should -Be 3
        $first.DueAt | Should -Be ([datetimeoffset]'2026-11-02T13:00:00Z')
        $first.CompletedAt | Should -Be ([datetimeoffset]'2026-11-02T10:00:00Z')

        $next = $sla | Where-Object { $_.TicketId -eq 77 -and $_.Target -eq 'NextResponse' }
        $next.Cycle | Should -Be 1
        $next.StartedAt | Should -Be ([datetimeoffset]'2026-11-02T11:00:00Z')
        $next.Status | Should -Be 'Breached'
        $next.BreachedAt | Should -Be ([datetimeoffset]'2026-11-02T15:00:00Z')
        $next.OverrunHours | Should -Be 1

        $resolution = $sla | Where-Object { $_.TicketId -eq 77 -and $_.Target -eq 'Resolution' }
        $resolution.Status | Should -Be 'Achieved'
        # Running 09:00-10:30 and 11:01-16:30; paused while Waiting on Customer.
        [Math]::Round($resolution.ElapsedHours, 4) | Should -Be ([Math]::Round(1.5 + 329 / 60, 4))
    }

    It 'keeps an unanswered ticket Active as of -AsOf, on calendar goals' {
        $first = $sla | Where-Object { $_.TicketId -eq 78 -and $_.Target -eq 'FirstResponse' }
        $first.Basis | Should -Be 'Calendar'
        $first.Status | Should -Be 'Breached'
        $first.BreachedAt | Should -Be ([datetimeoffset]'2026-11-02T10:00:00Z')
        $early = Get-TicketSla -Policy $policy -BusinessHours $schedule -Database $db -TicketId 78 -AsOf '2026-11-02T09:30:00Z' |
            Where-Object Target -eq 'FirstResponse'
        $early.Status | Should -Be 'Active'
        $early.RemainingHours | Should -Be 0.5
        $early.DueAt | Should -Be ([datetimeoffset]'2026-11-02T10:00:00Z')
    }

    It 'moves the goal when the priority changes, and reports the priority the target started with' {
        $first = $sla | Where-Object { $_.TicketId -eq 79 -and $_.Target -eq 'FirstResponse' }
        $first.Priority | Should -Be 'Low'
        $first.GoalHours | Should -Be 4
        $first.BreachedAt | Should -Be ([datetimeoffset]'2026-11-02T13:00:00Z')
    }

    It 'gives the same rows from piped activities as from the store' {
        $piped = Get-TicketActivity -Database $db | Get-TicketSla -Policy $policy -BusinessHours $schedule -AsOf $asOf
        ($piped | ConvertTo-Csv) | Should -Be ($sla | ConvertTo-Csv)
    }

    It 'pauses Resolution in Pending by default and not when the policy says otherwise' {
        $json = '{"basis":"calendar","pause":{"resolution":[]},"priorities":{"Default":{"resolution":"16h"}}}'
        $row = Get-TicketSla -Policy $json -Database $db -TicketId 77 -AsOf $asOf
        $row.Target | Should -Be 'Resolution'
        $row.ElapsedHours | Should -Be 8.5     # 08:00-16:30, the wait counted
    }

    It 'reads a policy file with its own schedule' {
        $path = Join-Path $TestDrive 'policy.json'
        Set-Content $path '{ "name": "file", "businessHours": { "timeZone": "Europe/London", "hours": { "Mon-Fri": "09:00-17:00" } }, "priorities": { "High": { "firstResponse": 4 } } }'
        $row = Get-TicketSla -Policy $path -Database $db -TicketId 77 -AsOf $asOf
        $row.ElapsedHours | Should -Be 1
    }

    It 'rejects a malformed policy with InvalidSlaPolicy naming the field' {
        { Get-TicketSla -Policy @{ Priorities = @{ High = @{ FirstReply = '4h' } } } -Database $db -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSlaPolicy,*'
        $err = $null
        try { Get-TicketSla -Policy @{ Priorities = @{ High = @{ FirstResponse = 'soon' } } } -Database $db -ErrorAction Stop } catch { $err = $_ }
        $err.Exception.Message | Should -BeLike '*priorities.High.FirstResponse*'
    }

    It 'refuses business-time goals without a schedule' {
        { Get-TicketSla -Policy $policy -Database $db -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,*'
    }

    It 'pipes into Export-Csv, Group-Object Status and Measure-Object' {
        $csv = Join-Path $TestDrive 'sla.csv'
        $sla | Export-Csv $csv
        $back = Import-Csv $csv
        $back.Count | Should -Be $sla.Count
        ($back | Where-Object Target -eq 'NextResponse').Status | Should -Be 'Breached'
        ($sla | Group-Object Status | Where-Object Name -eq 'Breached').Count | Should -Be 4   # 77 next response, 78 both, 79 first response
        ($sla | Measure-Object ElapsedHours -Sum).Sum | Should -BeGreaterThan 0
    }

    It 'shows a default table within 120 columns' {
        $lines = ($sla | Format-Table | Out-String -Width 120) -split "`r?`n"
        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
        ($lines -join "`n") | Should -Match 'NextResponse'
        ($lines -join "`n") | Should -Match '2026-11-02 15:00 \+00:00'
        $list = $sla | Where-Object { $_.Target -eq 'NextResponse' } | Format-List | Out-String -Width 120
        $list | Should -Match 'OverrunHours\s*:\s*1\.00'
        $list | Should -Match 'BreachedAt\s*:\s*2026-11-02 15:00:00 \+00:00'
    }

    It 'runs the worked example: which tickets breached first response last week, per group' {
        # The help's example with "today" fixed: last week is Monday 2 to Sunday 8 November 2026.
        $example = (Get-Help Get-TicketSla -Examples).examples.example[0].code
        $example = $example -replace [regex]::Escape('(Get-Date).Date'), "[datetime]'2026-11-10'" -replace 'tickets\.db', $db.Replace('\', '\\')
        $result = @(& ([scriptblock]::Create($example)))
        $result.Count | Should -Be 2
        ($result | Where-Object Group -eq 'Billing').Tickets | Should -Be '79'
        ($result | Where-Object Group -eq 'Sales').Tickets | Should -Be '78'
    }
}

Describe 'Get-TicketSla -Policy as a path' {
    It 'reports a missing policy file once, as FileNotFound, and outputs nothing' {
        $out = Get-TicketSla -Policy (Join-Path $TestDrive 'nope.json') -Database (Join-Path $TestDrive 'none.db') -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'FileNotFound,*'
    }
}
