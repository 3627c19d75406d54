BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Get-CallCountry' {
    BeforeAll {
        $db = Join-Path $TestDrive 'calls.db'
        $cdrs = Join-Path $TestDrive 'cdrs.csv'
        @(
            [pscustomobject]@{ call_id = '1'; call_time = '2016-03-04T08:00:00Z'; caller_id_number = '+12125551234'; callee_id_number = '+6493001000' }
            [pscustomobject]@{ call_id = '2'; call_time = '2016-03-04T08:01:00Z'; caller_id_number = '+442071234567'; callee_id_number = '+6493001000' }
            [pscustomobject]@{ call_id = '3'; call_time = '2016-03-04T08:02:00Z'; caller_id_number = 'anonymous'; callee_id_number = '+6421555123' }
        ) | Export-Csv -Path $cdrs
        Import-CallRecord -Path $cdrs -Database $db | Out-Null
    }

    It 'lists the countries of the stored numbers as sorted strings' {
        $countries = Get-CallCountry -Database $db
        $countries | Should -Be @('New Zealand', 'United Kingdom', 'United States')
        $countries[0] | Should -BeOfType [string]
    }

    It 'never creates a database' {
        $missing = Join-Path $TestDrive 'missing.db'
        { Get-CallCountry -Database $missing -ErrorAction Stop } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        Test-Path $missing | Should -BeFalse
    }

    It 'pipes into Get-CallRegion and out to CSV' {
        $csv = Join-Path $TestDrive 'countries.csv'
        Get-CallCountry -Database $db | ForEach-Object { [pscustomobject]@{ Country = $_ } } | Export-Csv $csv
        (Import-Csv $csv | Get-CallRegion -Database $db).Region | Should -Be @('New Zealand Auckland', 'New Zealand Mobile', 'United Kingdom London', 'United States New York, NY')
    }
}
