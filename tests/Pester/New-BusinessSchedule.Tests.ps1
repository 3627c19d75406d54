BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'New-BusinessSchedule' {
    It 'builds weekly hours with breaks and holidays' {
        $s = New-BusinessSchedule -TimeZone Europe/London -Hours @{ 'Mon-Fri' = '09:00-17:30' } -Break '12:30-13:30' -Holiday '2026-12-25', ([datetime]'2026-12-28') -Name 'UK desk'
        $s.TimeZone | Should -Be 'Europe/London'
        $s.WeeklyHours | Should -Be 37.5
        $s.Hours | Should -Be 'Mon-Fri 09:00-12:30,13:30-17:30'
        $s.Holidays | Should -Be @('2026-12-25', '2026-12-28')
    }

    It 'splits overnight intervals at midnight' {
        $s = New-BusinessSchedule UTC @{ Fri = '22:00-06:00' }
        $s.Hours | Should -Be 'Fri 22:00-24:00; Sat 00:00-06:00'
        $s.WeeklyHours | Should -Be 8
    }

    It 'accepts 24x7 and an empty schedule' {
        (New-BusinessSchedule UTC '24x7').WeeklyHours | Should -Be 168
        (New-BusinessSchedule UTC @{}).WeeklyHours | Should -Be 0
    }

    It 'refuses an unknown zone with UnknownTimeZone and bad text with InvalidArgument' {
        { New-BusinessSchedule Europe/Londn @{ Mon = '09:00-17:00' } -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownTimeZone,*'
        { New-BusinessSchedule UTC @{ Mon = '9 to 5' } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,*'
        { New-BusinessSchedule UTC @{ Someday = '09:00-17:00' } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,*'
    }

    It 'counts business hours in Get-TicketDuration' {
        # Opened Monday 2 November 2026 08:00 UTC, answered 10:00, resolved Tuesday 10:00 (London is on UTC then).
        $rows = @(
            [pscustomobject]@{ TicketId = 5; PerformedAt = '2026-11-02T08:00:00Z'; PerformerType = 'user'; PerformerId = 9; Activity = '{"status":"Open","priority":"High","requester_id":9}' }
            [pscustomobject]@{ TicketId = 5; PerformedAt = '2026-11-02T10:00:00Z'; PerformerType = 'user'; PerformerId = 5; Activity = '{"note":{"id":1,"type":0}}' }
            [pscustomobject]@{ TicketId = 5; PerformedAt = '2026-11-03T10:00:00Z'; PerformerType = 'user'; PerformerId = 5; Activity = '{"status":"Resolved"}' }
        )
        $desk = New-BusinessSchedule Europe/London @{ Weekdays = '09:00-17:00' }
        $d = $rows | Get-TicketDuration -BusinessHours $desk
        $d.FirstResponseBusinessHours | Should -Be 1
        $d.ResolutionBusinessHours | Should -Be 9
        $d.OpenBusinessHours | Should -Be 9
        $d.TimeToResolutionHours | Should -Be 26
        $d.Priority | Should -Be 'High'
        ($rows | Get-TicketDuration).ResolutionBusinessHours | Should -BeNullOrEmpty
    }

    It 'shows a default table within 120 columns' {
        $s = New-BusinessSchedule America/New_York @{ 'Mon-Fri' = '08:00-12:00', '13:00-18:00'; Sat = '10:00-14:00' } -Name 'East'
        $lines = ($s | Format-Table | Out-String -Width 120) -split "`r?`n"
        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
        ($lines -join "`n") | Should -Match 'America/New_York'
    }

    It 'completes -TimeZone with IANA ids' {
        $line = 'New-BusinessSchedule -TimeZone Europe/Lon'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'Europe/London'
    }
}
