BeforeAll { . (Join-Path $PSScriptRoot 'Common.ps1') }

Describe 'Get-TicketActivity' {
    It 'binds TicketId by property name from durations' {
        $db = Join-Path $TestDrive 'bind.db'
        New-TicketActivity -TicketCount 40 -Seed 2 @Window | Import-TicketActivity -Database $db | Out-Null
        $firstTwo = Get-TicketDuration -Database $db | Where-Object TicketId -In 1, 2
        $history = $firstTwo | Get-TicketActivity -Database $db
        ($history.TicketId | Sort-Object -Unique) | Should -Be @(1, 2)
    }

    It 'stops with DatabaseNotFound and creates nothing when the database is missing' {
        $db = Join-Path $TestDrive 'absent.db'
        { Get-TicketActivity -Database $db } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        Test-Path $db | Should -BeFalse
    }
}
