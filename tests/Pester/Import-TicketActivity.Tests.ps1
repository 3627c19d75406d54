BeforeAll { . (Join-Path $PSScriptRoot 'Common.ps1') }

Describe 'Import-TicketActivity' {
    BeforeAll {
        $file = (New-TicketActivity -TicketCount 50 -Seed 2 -Path (Join-Path $TestDrive 'a.json') @Window).Path
    }

    It 'imports files piped from Get-ChildItem and adds nothing the second time' {
        $db = Join-Path $TestDrive 'files.db'
        $first = Get-ChildItem $TestDrive -Filter *.json | Import-TicketActivity -Database $db
        $first.Inserted | Should -Be $first.Activities
        $again = Import-TicketActivity -Path $file -Database $db
        $again.Inserted | Should -Be 0
        $again.Duplicates | Should -Be $first.Activities
    }

    It 'creates no database under -WhatIf' {
        $db = Join-Path $TestDrive 'whatif.db'
        Import-TicketActivity -Path $file -Database $db -WhatIf
        Test-Path $db | Should -BeFalse
    }

    It 'reports a malformed file with its position and imports nothing from it' {
        $bad = Join-Path $TestDrive 'bad.json'
        $text = Get-Content $file -Raw
        Set-Content $bad $text.Substring(0, [int]($text.Length / 2)) -NoNewline
        $db = Join-Path $TestDrive 'bad.db'
        $summary = Import-TicketActivity -Path $bad -Database $db -ErrorVariable problems -ErrorAction SilentlyContinue
        $summary | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidExportFile,*'
        $problems[0].ToString() | Should -Match 'line \d+'
    }
}
