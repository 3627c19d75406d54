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
        Get-PropertyDifference $stored $generated -Property $generated[0].PSObject.Properties.Name | Should -BeNullOrEmpty
        # -eq on DateTimeOffset compares instants: the offset too must survive.
        Get-PropertyDifference $stored.PerformedAt $generated.PerformedAt -Property Offset | Should -BeNullOrEmpty
    }

    It 'binds TicketId by property name from piped objects' {
        $history = [pscustomobject] @{ TicketId = $ids[2] }, [pscustomobject] @{ TicketId = $ids[4] } | Get-TicketActivity -Database $db

        $history.TicketId | Sort-Object -Unique | Should -Be @($ids[2], $ids[4])
        $history.Count | Should -Be @($generated | Where-Object TicketId -In $ids[2], $ids[4]).Count
    }

    It 'writes each ticket''s history once when its own activities are piped back in (one object per activity)' {
        $one = @(Get-TicketActivity -Database $db -TicketId $ids[3])
        $one.Count | Should -BeGreaterThan 1
        $again = @($one | Get-TicketActivity -Database $db)
        $again.Count | Should -Be $one.Count
        $both = @(Get-TicketActivity -Database $db -TicketId $ids[3], $ids[5] | Get-TicketActivity -Database $db)
        $both.Count | Should -Be @($generated | Where-Object TicketId -In $ids[3], $ids[5]).Count
    }

    It 'stops with DatabaseNotFound and creates nothing when the database is missing' {
        $absent = Join-Path $TestDrive 'absent.db'
        $thrown = { Get-TicketActivity -Database $absent } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DatabaseNotFound,*'
        Test-Path $absent | Should -BeFalse
    }

    It 'shows whole values in its default table at 120 columns, and the same formats in its list view' {
        $activities = @(Get-TicketActivity -Database $db -TicketId $ids[0], $ids[1])
        $table = Show-Table $activities

        $table | Should -Match 'TicketId\s+PerformedAt\s+PerformerType\s+PerformerId\s+Status\s+Changes'
        $table | Should -Not -Match $ellipsis
        $rows = @($table -split '\r?\n' | Where-Object { $_ -match '^\s*\d+ ' })
        $rows.Count | Should -Be $activities.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $rows[$i] | Should -Match ('^\s*{0} {1} +{2}\b' -f $activities[$i].TicketId, [regex]::Escape((Format-ViewTime $activities[$i].PerformedAt)),
                $activities[$i].PerformerType) -Because "row $i"
            if ($activities[$i].Status) { $rows[$i] | Should -Match ([regex]::Escape($activities[$i].Status)) }
        }
        foreach ($changes in $activities.Changes) { Join-Wrapped $table | Should -Match ([regex]::Escape($changes)) }

        $list = Join-Wrapped (Show-List $activities[0])
        $list | Should -Match ('PerformedAt\s*:\s*{0}' -f [regex]::Escape((Format-ViewTime $activities[0].PerformedAt)))
        $list | Should -Match ('Activity\s*:\s*{0}' -f [regex]::Escape($activities[0].Activity))
    }

    It 'has help with examples' {
        @((Get-Help Get-TicketActivity -Examples).examples.example).Count | Should -BeGreaterOrEqual 2
    }
}
