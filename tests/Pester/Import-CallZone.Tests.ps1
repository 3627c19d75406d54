BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Import-CallZone' {
    BeforeAll {
        $db = Join-Path $TestDrive 'calls.db'
        $cdrs = Join-Path $TestDrive 'cdrs.jsonl'
        Set-Content -Path $cdrs -Value @(
            '{"call_id":"a","timestamp":63624297600,"caller_id_number":"+6434181234","callee_id_number":"+6493001000","billing_seconds":30}'
            '{"call_id":"b","timestamp":63624297660,"caller_id_number":"0064 21 555 123","callee_id_number":"+61 2 9876 5432","billing_seconds":0}'
        )
        Import-CallRecord -Path $cdrs -Database $db | Out-Null
        $zones = Join-Path $TestDrive 'zones.csv'
        @(
            [pscustomobject]@{ zone_id = 10; country = 'New Zealand'; region = 'New Zealand South Island'; prefix = '+64 3' }
            [pscustomobject]@{ zone_id = 11; country = 'New Zealand'; region = 'New Zealand Auckland'; prefix = '+64 9' }
            [pscustomobject]@{ zone_id = 12; country = 'New Zealand'; region = 'New Zealand Mobile'; prefix = '+64 21;+64 22;+64 27' }
            [pscustomobject]@{ zone_id = 20; country = 'Australia'; region = 'Australia Sydney'; prefix = '612' }
            [pscustomobject]@{ zone_id = 30; country = 'Fiji'; region = 'Fiji'; prefix = '679' }
        ) | Export-Csv -Path $zones
    }

    It 'replaces the geocoded zones with the table and re-zones the stored calls' {
        (Get-CallRegion 'New Zealand' -Database $db).Region | Should -Contain 'New Zealand Balclutha'
        $summary = Import-CallZone -Path $zones -Database $db
        $summary.Zones | Should -Be 5
        $summary.Prefixes | Should -Be 7
        $summary.Rezoned | Should -Be 2
        Get-CallRegion 'New Zealand', 'australia' -Database $db | Select-Object Region, ZoneId |
            ForEach-Object { "$($_.Region)=$($_.ZoneId)" } | Should -Be @('New Zealand Auckland=11', 'New Zealand Mobile=12', 'New Zealand South Island=10', 'Australia Sydney=20')
        Get-CallCountry -Database $db | Should -Be @('Australia', 'New Zealand')
    }

    It 'round-trips the regions through Export-Csv as a zone table without prefixes is refused' {
        $regions = Join-Path $TestDrive 'regions.csv'
        Get-CallCountry -Database $db | Get-CallRegion -Database $db | Export-Csv -Path $regions
        (Import-Csv $regions).ZoneId | Should -Be @('20', '11', '12', '10')
        Import-CallZone -Path $regions -Database $db -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidZoneTable,*'
        $problems[0].Exception.Message | Should -Match 'lacks prefix'
    }

    It 'shows its summary at 120 columns' {
        $table = Show-Table (Import-CallZone -Path $zones -Database $db)
        $table | Should -Match 'Zones\s+Prefixes\s+Rezoned\s+Elapsed\s+Path'
        Join-Wrapped $table | Should -BeLike "*$(Join-Wrapped $zones)*"
        $table | Should -Not -Match $ellipsis
    }
}
