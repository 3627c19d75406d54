BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
}

Describe 'Get-CloseLead' {
    BeforeAll {
        $apiKey = 'api_pester_close_key_0123456789'
        # 300 existing leads (states, revenues, founding dates from 2000 on), seeded: more than one search page.
        $server = Start-TestServer -Scenario close -Argument @{ 'api-key' = $apiKey; leads = 300; seed = 5 }
        $key = ConvertTo-SecureString $apiKey -AsPlainText -Force
        $all = @(Get-CloseLead -ApiKey $key -BaseUri $server.BaseUri)
    }
    AfterAll { $server.Stop() }

    It 'reads every lead over several pages, and the range inclusively' {
        $all.Count | Should -Be 300
        ($all.LeadId | Sort-Object -Unique).Count | Should -Be 300
        $from, $to = [datetime] '2005-01-01', [datetime] '2010-12-31'
        $inRange = @(Get-CloseLead -ApiKey $key -BaseUri $server.BaseUri -From $from -To $to)
        $expected = @($all | Where-Object { $_.Founded -ge '2005-01-01' -and $_.Founded -le '2010-12-31' })
        $inRange.Count | Should -Be $expected.Count
        $inRange.Count | Should -BeGreaterThan 0
    }

    It 'takes a PSCredential whose password is the key' {
        $credential = [pscredential]::new('anyone', $key)
        @(Get-CloseLead -Credential $credential -BaseUri $server.BaseUri -From '2000-01-01' -To '2000-12-31').Count |
            Should -Be @($all | Where-Object { $_.Founded -like '2000-*' }).Count
    }

    It 'round-trips through Export-Csv and segments by state' {
        $csv = Join-Path $TestDrive 'leads.csv'
        $all | Export-Csv $csv
        $back = @(Import-Csv $csv)
        $back[0].PSObject.Properties.Name | Should -Be @('LeadId', 'Name', 'State', 'City', 'Revenue', 'Founded')
        $fromCsv = @($back | Measure-CloseLead)
        $direct = @($all | Measure-CloseLead)
        Get-PropertyDifference $fromCsv $direct -Property State, Leads, TotalRevenue, MedianRevenue, TopLead | Should -BeNullOrEmpty
        ($direct | Measure-Object Leads -Sum).Sum | Should -Be 300
    }

    It 'refuses a wrong key with HttpAuthenticationFailed' {
        $wrong = ConvertTo-SecureString 'not-the-key' -AsPlainText -Force
        { Get-CloseLead -ApiKey $wrong -BaseUri $server.BaseUri -ErrorAction Stop } | Should -Throw -ErrorId 'HttpAuthenticationFailed,*'
    }

    It 'shows whole values in the table view at 120 columns' {
        $table = Show-Table ($all | Select-Object -First 20)
        $table | Should -Not -Match $ellipsis
        $table | Should -Match 'lead_\w{43}'
        ($table -split '\r?\n' | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }
}
