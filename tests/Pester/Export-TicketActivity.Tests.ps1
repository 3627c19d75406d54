BeforeAll { . (Join-Path $PSScriptRoot 'Common.ps1') }

Describe 'Export-TicketActivity' {
    It 'round-trips generated activity through the store byte for byte' {
        $original = New-TicketActivity -TicketCount 100 -Seed 5 -Path (Join-Path $TestDrive 'original.json') @Window
        $db = Join-Path $TestDrive 'rt.db'
        Import-TicketActivity -Path $original.Path -Database $db | Out-Null
        $exported = Get-TicketActivity -Database $db | Export-TicketActivity -Path (Join-Path $TestDrive 'exported.json')
        $exported.Activities | Should -Be $original.Activities
        $data = { param($p) $t = Get-Content $p -Raw; $t.Substring($t.IndexOf('"activities_data":')) }
        & $data $exported.Path | Should -BeExactly (& $data $original.Path)
    }

    It 'refuses to overwrite with -NoClobber' {
        $path = Join-Path $TestDrive 'exists.json'
        Set-Content $path 'keep me'
        { New-TicketActivity 2 -Seed 1 @Window | Export-TicketActivity -Path $path -NoClobber -ErrorAction Stop } |
            Should -Throw -ErrorId 'FileExists,SupportTools.Commands.Tickets.ExportTicketActivityCommand'
        Get-Content $path | Should -Be 'keep me'
    }
}
