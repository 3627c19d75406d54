BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Measure-CloseLead' {
    BeforeAll {
        $leads = Join-Path $TestDrive 'leads.csv'
        Set-Content -Path $leads -Value @(
            'Name,State,Revenue'
            'Alpha,CA,"$100.00"'
            'Bravo,california,300'
            'Charlie,CA,200'
            'Delta Corporation International Holdings,CA,"1,000"'
            'Echo,CA,'
            'Foxtrot,NY,50.25'
        )
        $segments = @(Import-Csv $leads | Measure-CloseLead -By State)
    }

    It 'segments CSV rows by state with the sum, median, average and top lead' {
        $segments.State | Should -Be @('CA', 'NY')
        $segments[0].Leads | Should -Be 5
        $segments[0].TotalRevenue | Should -Be 1600
        $segments[0].MedianRevenue | Should -Be 250
        $segments[0].AverageRevenue | Should -Be 400
        $segments[0].TopLead | Should -Be 'Delta Corporation International Holdings'
        $segments[0].TopLeadRevenue | Should -Be 1000
        $segments[1].TotalRevenue | Should -Be 50.25
    }

    It 'exports to CSV as the old script''s output file did' {
        $csv = Join-Path $TestDrive 'segments.csv'
        $segments | Export-Csv $csv
        $back = @(Import-Csv $csv)
        $back[0].PSObject.Properties.Name | Should -Be @('State', 'Leads', 'TotalRevenue', 'MedianRevenue', 'AverageRevenue', 'TopLead', 'TopLeadRevenue')
        $back[0].TotalRevenue | Should -Be '1600.00'
        $back[1].State | Should -Be 'NY'
        $back[1].MedianRevenue | Should -Be '50.25'
    }

    It 'reports a row whose revenue is no amount and segments the rest' {
        $out = @([pscustomobject]@{ Name = 'X'; State = 'TX'; Revenue = 'lots' }, [pscustomobject]@{ Name = 'Y'; State = 'TX'; Revenue = 5 } |
            Measure-CloseLead -ErrorVariable problems -ErrorAction SilentlyContinue)
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInputObject,*'
        $problems[0].Exception.Message | Should -BeLike "*record 1*Revenue 'lots'*"
        $out.Leads | Should -Be 1
    }

    It 'shows whole values in the table view at 120 columns' {
        $table = Show-Table $segments
        $table | Should -Not -Match $ellipsis
        (Join-Wrapped $table) | Should -Match 'Delta Corporation International Holdings'
        $table | Should -Match '1,600\.00'
        ($table -split '\r?\n' | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }
}
