BeforeAll { . (Join-Path $PSScriptRoot 'Common.ps1') }

Describe 'New-TicketActivity' {
    It 'writes the same bytes for the same seed' {
        $a = New-TicketActivity -TicketCount 200 -Seed 7 -Path (Join-Path $TestDrive 'a.json') @Window
        $b = New-TicketActivity -TicketCount 200 -Seed 7 -Path (Join-Path $TestDrive 'b.json') @Window
        $a.Tickets | Should -Be 200
        (Get-FileHash $a.Path).Hash | Should -Be (Get-FileHash $b.Path).Hash
    }

    It 'emits flat objects that Export-Csv writes with the expected header' {
        $csv = Join-Path $TestDrive 'activities.csv'
        New-TicketActivity -TicketCount 20 -Seed 1 @Window | Export-Csv $csv
        $header = (Get-Content $csv -TotalCount 1) -replace '"', ''
        $header | Should -Be 'TicketId,PerformedAt,PerformerType,PerformerId,Status,NoteId,NoteType,RequesterId,IsAutomation,Changes,Activity,IsSystemActor'
        (Import-Csv $csv)[0].Activity | ConvertFrom-Json | Should -Not -BeNullOrEmpty
    }

    It 'has help with examples' {
        (Get-Help New-TicketActivity -Examples).examples.example.Count | Should -BeGreaterOrEqual 2
    }
}
