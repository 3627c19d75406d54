BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'ConvertTo-CloseLead' {
    BeforeAll {
        $messy = Join-Path $TestDrive 'messy.csv'
        Set-Content -Path $messy -Encoding utf8BOM -Value @(
            'Company,Contact,Title,Email,Phone,Address,City,State,Zip,Country,Revenue,Founded'
            '  acme   corp ,Jane Doe,CEO,Jane.Doe@ACME.com,(415) 555-0132,747 Howard St,San Francisco,california,94103,USA,"$1,234,567.50",3/7/2019'
            'Bluth Company,Gob Bluth,"Sr. Vice President, Magic",gob@bluth.com,+1 949 555 0100,"1 Ocean Ave'
            'Suite 3",Newport Beach,Calif.,92660,US,USD 2.5M,"March 7, 2019"'
            'Initech,Bill Lumbergh,VP,bill@initech,512-555-0101,4120 Freidrich Ln,Austin,Texas,78744,USA,750k,2020-02-30'
            'Vandelay Industries,Art Vandelay,Importer,art@vandelay.com,(212) 555-0199 x42,129 W 81st St,New York,N.Y.,10024,USA,1234.5,07.03.2005'
        )
        $drafts = @(Import-Csv $messy | ConvertTo-CloseLead)
    }

    It 'cleans each row: names, states, phones, e-mails, revenue and dates' {
        $drafts.Count | Should -Be 4
        $drafts[0].Name | Should -Be 'ACME CORP'
        $drafts[0].ContactName | Should -Be 'JANE DOE'
        $drafts[0].State | Should -Be 'CA'
        $drafts[0].Email | Should -Be 'Jane.Doe@acme.com'
        $drafts[0].Phone | Should -Be '+14155550132'
        $drafts[0].Revenue | Should -Be 1234567.50
        $drafts[0].Founded | Should -Be '2019-03-07'
        $drafts[1].Address | Should -Be '1 Ocean Ave Suite 3'
        $drafts[1].Revenue | Should -Be 2500000
        $drafts[3].Phone | Should -Be '+12125550199;ext=42'
        $drafts[3].Founded | Should -Be '2005-03-07'
        $drafts.IsValid | Should -Be @($true, $true, $false, $true)
        $drafts[2].Problems | Should -BeLike "*Email 'bill@initech'*Founded '2020-02-30' is not a real date*"
    }

    It 'round-trips through Export-Csv with invariant numbers and ISO dates' {
        $csv = Join-Path $TestDrive 'drafts.csv'
        $drafts | Export-Csv $csv
        $back = @(Import-Csv $csv)
        $back[0].PSObject.Properties.Name | Should -Be @('Row', 'Name', 'ContactName', 'Title', 'Email', 'Phone', 'Address', 'City', 'State', 'Zip', 'Country', 'Revenue', 'Founded', 'IsValid', 'Problems')
        $back[0].Revenue | Should -Be '1234567.50'
        $back[0].Founded | Should -Be '2019-03-07'
        $back[2].IsValid | Should -Be 'False'
        # The cleaned file converts again to the same drafts (Name and ContactName read back through -Map).
        $again = @($back | ConvertTo-CloseLead -Map @{ Company = 'Name'; Contact = 'ContactName' })
        Get-PropertyDifference $again[0, 1, 3] $drafts[0, 1, 3] -Property Name, ContactName, State, Email, Phone, Revenue, Founded, IsValid | Should -BeNullOrEmpty
    }

    It 'uses -Map for other column names and -DateFormat for day-first dates' {
        $d = [pscustomobject]@{ Organisation = 'Globex'; Founded = '3/7/2019' } | ConvertTo-CloseLead -Map @{ Company = 'Organisation' } -DateFormat 'd/M/yyyy'
        $d.Name | Should -Be 'GLOBEX'
        $d.Founded | Should -Be '2019-07-03'
    }

    It 'shows whole values in the table view at 120 columns' {
        $table = Show-Table $drafts
        $table | Should -Not -Match $ellipsis
        $joined = Join-Wrapped $table
        $joined | Should -Match 'ACME CORP'
        $joined | Should -Match '1,234,567.50'
        $joined | Should -Match ([regex]::Escape("Founded '2020-02-30' is not a real date"))
        ($table -split '\r?\n' | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
        Show-List $drafts[0] | Should -Match 'Jane.Doe@acme.com'
    }

    It 'completes -DefaultRegion with the region codes phone numbers are read in' {
        $line = 'ConvertTo-CloseLead -DefaultRegion N'
        $codes = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $codes | Should -Contain 'NZ'
        $codes | Should -Contain 'NL'
        $codes | ForEach-Object { $_ | Should -Match '^N[A-Z]$' }
    }
}
