BeforeAll { . (Join-Path $PSScriptRoot 'Common.ps1') }

Describe 'Get-TicketDuration' {
    BeforeAll {
        $db = Join-Path $TestDrive 'durations.db'
        New-TicketActivity -TicketCount 200 -Seed 3 @Window | Import-TicketActivity -Database $db | Out-Null
        $fromStore = Get-TicketDuration -Database $db
    }

    It 'gives the same durations from the store as from piped activities' {
        $fromPipe = New-TicketActivity -TicketCount 200 -Seed 3 @Window | Get-TicketDuration
        $fromPipe.Count | Should -Be $fromStore.Count
        for ($i = 0; $i -lt $fromStore.Count; $i++) {
            foreach ($property in $fromStore[$i].PSObject.Properties.Name) {
                $fromPipe[$i].$property | Should -Be $fromStore[$i].$property -Because "$property of ticket $($fromStore[$i].TicketId)"
            }
        }
    }

    It 'round-trips through Export-Csv and Import-Csv' {
        $csv = Join-Path $TestDrive 'durations.csv'
        $fromStore | Export-Csv $csv
        $rows = Import-Csv $csv
        $rows.Count | Should -Be $fromStore.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            [long]$rows[$i].TicketId | Should -Be $fromStore[$i].TicketId
            [timespan]::Parse($rows[$i].OpenTime, [cultureinfo]::InvariantCulture) | Should -Be $fromStore[$i].OpenTime
            [int]$rows[$i].Reopens | Should -Be $fromStore[$i].Reopens
            if ($fromStore[$i].TimeToFirstResponse) {
                [timespan]::Parse($rows[$i].TimeToFirstResponse, [cultureinfo]::InvariantCulture) | Should -Be $fromStore[$i].TimeToFirstResponse
            } else {
                $rows[$i].TimeToFirstResponse | Should -BeNullOrEmpty
            }
        }
    }

    It 'has a default table view' {
        Get-FormatData -TypeName SupportTools.Tickets.TicketDuration | Should -Not -BeNullOrEmpty
        ($fromStore | Select-Object -First 1 | Format-Table | Out-String) | Should -Match 'TimeToFirstResponse'
    }
}
