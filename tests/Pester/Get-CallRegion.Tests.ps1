BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Get-CallRegion' {
    BeforeAll {
        $db = Join-Path $TestDrive 'calls.db'
        $cdrs = Join-Path $TestDrive 'cdrs.jsonl'
        Set-Content -Path $cdrs -Value @(
            '{"call_id":"a","timestamp":63624297600,"caller_id_number":"+6434181234","callee_id_number":"+61390123456"}'
            '{"call_id":"b","timestamp":63624297660,"caller_id_number":"+61412345678","callee_id_number":"+6493031234"}'
            '{"call_id":"c","timestamp":63624297720,"caller_id_number":"+6421555123","callee_id_number":"+61298765432"}'
        )
        Import-CallRecord -Path $cdrs -Database $db | Out-Null
    }

    It 'names regions as the service does, with stable zone ids' {
        $regions = Get-CallRegion -Country 'New Zealand', 'Australia' -Database $db
        $regions.Region | Should -Be @('New Zealand Auckland', 'New Zealand Balclutha', 'New Zealand Mobile', 'Australia Melbourne', 'Australia Mobile', 'Australia Sydney')
        ($regions | Where-Object Region -eq 'New Zealand Balclutha').ZoneId | Should -Be 64110780541378
        $regions | ForEach-Object { [math]::Floor($_.ZoneId / 1e12) } | Should -Be @(64, 64, 64, 61, 61, 61)
    }

    It 'matches countries in any case and reports an unknown one' {
        $regions = Get-CallRegion 'NEW zealand', 'Narnia' -Database $db -ErrorVariable problems -ErrorAction SilentlyContinue
        @($regions).Count | Should -Be 3
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CountryNotFound,*'
        $problems[0].TargetObject | Should -Be 'Narnia'
    }

    It 'shows Country, ZoneId and Region at 120 columns and round-trips through CSV' {
        $regions = Get-CallRegion 'Australia' -Database $db
        $table = Show-Table $regions
        $table | Should -Match 'Country\s+ZoneId\s+Region'
        foreach ($region in $regions) { $table | Should -Match ([regex]::Escape("$($region.ZoneId) $($region.Region)")) }
        $table | Should -Not -Match $ellipsis
        $csv = Join-Path $TestDrive 'regions.csv'
        $regions | Export-Csv $csv
        $back = Import-Csv $csv
        $back.ZoneId | Should -Be ($regions.ZoneId | ForEach-Object { "$_" })
        ($back | Get-CallRegion -Database $db).Count | Should -Be 3
    }

    It 'completes -Country with the stored calls'' countries, quoted when they hold a space' {
        $line = "Get-CallRegion -Database '$db' -Country "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Australia', "'New Zealand'")
        $line = "Get-CallRegion -Database '$db' -Country ne"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be "'New Zealand'"
        $line = "Get-CallRegion -Database '$(Join-Path $TestDrive 'none.db')' -Country "
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Where-Object ResultType -eq ParameterValue).Count | Should -Be 0
        Test-Path (Join-Path $TestDrive 'none.db') | Should -BeFalse
        Push-Location $TestDrive
        try {
            $line = 'Get-CallRegion -Database calls.db -Country Au'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'Australia' -Because 'a relative -Database is taken from the PowerShell location'
        }
        finally { Pop-Location }
    }
}
