BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Get-TicketActivity' {
    BeforeAll {
        $db = Join-Path $TestDrive 'store.db'
        $generated = New-TicketActivity -TicketCount 40 -Seed 4 @window
        $ids = $generated.TicketId | Sort-Object -Unique
        $generated | Import-TicketActivity -Database $db | Out-Null
    }

    It 'gives back what was imported, ordered by ticket then time, property by property' {
        $stored = Get-TicketActivity -Database $db
        $generated = $generated | Sort-Object TicketId -Stable # generated in time order across tickets

        $stored.Count | Should -Be $generated.Count
        for ($i = 0; $i -lt $stored.Count; $i++) {
            foreach ($property in $generated[$i].PSObject.Properties.Name) {
                $stored[$i].$property | Should -Be $generated[$i].$property -Because "$property of activity $i"
            }
            $stored[$i].PerformedAt.Offset | Should -Be $generated[$i].PerformedAt.Offset
        }
    }

    It 'binds TicketId by property name from piped objects' {
        $history = [pscustomobject] @{ TicketId = $ids[2] }, [pscustomobject] @{ TicketId = $ids[4] } | Get-TicketActivity -Database $db

        $history.TicketId | Sort-Object -Unique | Should -Be @($ids[2], $ids[4])
        $history.Count | Should -Be @($generated | Where-Object TicketId -In $ids[2], $ids[4]).Count
    }

    It 'stops with DatabaseNotFound and creates nothing when the database is missing' {
        $absent = Join-Path $TestDrive 'absent.db'
        $thrown = { Get-TicketActivity -Database $absent } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DatabaseNotFound,*'
        Test-Path $absent | Should -BeFalse
    }

    It 'has a default table view' {
        Get-FormatData -TypeName SupportTools.Tickets.TicketActivity | Should -Not -BeNullOrEmpty
        $table = Get-TicketActivity -Database $db -TicketId $ids[0] | Format-Table | Out-String -Width 200
        $table | Should -Match 'TicketId\s+PerformedAt\s+PerformerType\s+PerformerId\s+Status\s+Changes'
        $table | Should -Match '2024-03-0[45] \d\d:\d\d:\d\d \+00:00'
    }

    It 'has help with examples' {
        @((Get-Help Get-TicketActivity -Examples).examples.example).Count | Should -BeGreaterOrEqual 2
    }
}
