BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Import-BusinessSchedule' {
    BeforeAll {
        $path = Join-Path $TestDrive 'desk.json'
        Set-Content $path @'
{ // the desk moved to longer hours on Monday 9 November 2026
  "name": "Support desk", "timeZone": "Europe/London",
  "holidays": ["2026-12-25", { "name": "Boxing Day observed", "from": "2026-12-28", "to": "2026-12-29" }],
  "versions": [
    { "hours": { "Mon-Fri": "09:00-17:00" } },
    { "effectiveFrom": "2026-11-09", "hours": { "Weekdays": "08:00-18:00" }, "breaks": { "Weekdays": "12:00-13:00" } },
  ]
}
'@
    }

    It 'reads versions and holidays' {
        $s = Import-BusinessSchedule $path
        $s.Name | Should -Be 'Support desk'
        $s.Versions.Count | Should -Be 2
        $s.Versions[0].WeeklyHours | Should -Be 40
        $s.Versions[1].EffectiveFrom | Should -Be ([datetime]'2026-11-09')
        $s.WeeklyHours | Should -Be 45
        $s.Holidays | Should -Be @('2026-12-25', '2026-12-28..2026-12-29')
    }

    It 'binds files from Get-ChildItem' {
        (Get-ChildItem $TestDrive -Filter desk.json | Import-BusinessSchedule).Name | Should -Be 'Support desk'
    }

    It 'measures a span across the change by -ScheduleMode' {
        # Open from Friday 6 November 00:00 to Tuesday 10 November 00:00 UTC (London is on UTC in November).
        $rows = @(
            [pscustomobject]@{ TicketId = 1; PerformedAt = '2026-11-06T00:00:00Z'; PerformerType = 'user'; PerformerId = 9; Activity = '{"status":"Open"}' }
            [pscustomobject]@{ TicketId = 1; PerformedAt = '2026-11-10T00:00:00Z'; PerformerType = 'user'; PerformerId = 5; Activity = '{"status":"Resolved"}' }
        )
        $s = Import-BusinessSchedule $path
        ($rows | Get-TicketDuration -BusinessHours $s -ScheduleMode Cumulative).OpenBusinessHours | Should -Be (8 + 9)
        ($rows | Get-TicketDuration -BusinessHours $s -ScheduleMode AtEvent).OpenBusinessHours | Should -Be (9 + 9)
        ($rows | Get-TicketDuration -BusinessHours $s).OpenBusinessHours | Should -Be (9 + 9)
    }

    It 'reports a malformed file with InvalidScheduleFile naming the field, and reads the others' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content $bad '{ "timeZone": "Europe/London", "versions": [ { "hours": { "Mon-Fri": "09:00-17:00" } }, { "hours": { "Sat": "9-5" } } ] }'
        $out = Import-BusinessSchedule $bad, $path -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidScheduleFile,*'
        $errs[0].Exception.Message | Should -BeLike '*bad.json*versions`[1`].effectiveFrom*'
    }

    It 'reports JSON syntax errors with the line' {
        $broken = Join-Path $TestDrive 'broken.json'
        Set-Content $broken "{`n  `"timeZone`": `"UTC`",`n  `"hours`": { `"Mon`": `"09:00-17:00`" `n"
        Import-BusinessSchedule $broken -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidScheduleFile,*'
        $errs[0].Exception.Message | Should -Match 'line \d'
    }
}
