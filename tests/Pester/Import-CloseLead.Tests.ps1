BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
}

Describe 'Import-CloseLead' {
    BeforeAll {
        $apiKey = 'api_pester_close_key_0123456789'
        $server = Start-TestServer -Scenario close -Argument @{ 'api-key' = $apiKey; 'rate-limit' = '50/1s' }
        $key = ConvertTo-SecureString $apiKey -AsPlainText -Force
        $messy = Join-Path $TestDrive 'messy.csv'
        Set-Content -Path $messy -Value @(
            'Company,Contact,Email,State,Revenue,Founded'
            'acme corp,Jane Doe,jane@acme.com,california,"$1,234.50",3/7/2019'
            'Acme Corp,John Smith,john@acme.com,CA,,2019-03-07'
            'Initech,Bill,bill@initech,Texas,750k,2020-02-30'
            'Globex,Hank,hank@globex.com,Oregon,$900,Mar 7 1989'
        )
    }
    AfterAll { $server.Stop() }

    It 'creates a lead per company, reports invalid rows and writes them to -FailedPath' {
        $failed = Join-Path $TestDrive 'failed.csv'
        $result = @(Import-CloseLead -Path $messy -ApiKey $key -BaseUri $server.BaseUri -FailedPath $failed -ErrorVariable problems -ErrorAction SilentlyContinue 6>$null)
        ($result | Sort-Object Row).Status | Should -Be @('Created', 'Created', 'Invalid', 'Created')
        ($result | Where-Object Row -in 2, 3 | Select-Object -ExpandProperty LeadId -Unique).Count | Should -Be 1
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidLeadRow,*'
        $back = @(Import-Csv $failed)
        $back.Count | Should -Be 1
        $back[0].Company | Should -Be 'Initech'
        $back[0].Row | Should -Be '4'
        $back[0].Reason | Should -BeLike "*Email 'bill@initech'*"
    }

    It 'imports the corrected failed rows again, leaving existing companies alone (-SkipExisting is accepted and changes nothing)' {
        $failed = Join-Path $TestDrive 'failed.csv'
        $fixed = Import-Csv $failed | Select-Object * -ExcludeProperty Row, Reason | ForEach-Object { $_.Email = 'bill@initech.com'; $_.Founded = '2020-02-29'; $_ }
        $result = @(@($fixed) + @([pscustomobject]@{ Company = 'ACME CORP'; Contact = 'Again' }) | Import-CloseLead -ApiKey $key -BaseUri $server.BaseUri -SkipExisting 6>$null)
        ($result | Where-Object Name -eq 'INITECH').Status | Should -Be 'Created'
        ($result | Where-Object Name -eq 'ACME CORP').Status | Should -Be 'Skipped'
    }

    It 'imports the failed-rows file as it is (the documented retry) with the original row numbers' {
        $failed = Join-Path $TestDrive 'failed.csv'
        $again = Join-Path $TestDrive 'failed-again.csv'
        $result = @(Import-CloseLead -Path $failed -ApiKey $key -BaseUri $server.BaseUri -FailedPath $again -ErrorAction SilentlyContinue 6>$null)
        # Still invalid (its e-mail was not corrected): refused again under its first row number, nothing sent.
        $result.Row | Should -Be @(4)
        $result.Status | Should -Be @('Invalid')
        (Import-Csv $again).Company | Should -Be 'Initech'
    }

    It 'imports drafts exported with Export-Csv, keeping their row numbers and refusing the invalid ones' {
        $drafts = Join-Path $TestDrive 'drafts.csv'
        Import-Csv $messy | ConvertTo-CloseLead | Export-Csv $drafts
        $result = @(Import-Csv $drafts | Import-CloseLead -ApiKey $key -BaseUri $server.BaseUri -ErrorAction SilentlyContinue 6>$null | Sort-Object Row)
        $result.Row | Should -Be @(1, 2, 3, 4)
        $result.Status | Should -Be @('Skipped', 'Skipped', 'Invalid', 'Skipped')
        $result[2].Reason | Should -BeLike '*ConvertTo-CloseLead found the row invalid*'
    }

    It 'escapes formulas in the failed-rows file and reads them back' {
        $evil = Join-Path $TestDrive 'evil.csv'
        $failed = Join-Path $TestDrive 'evil-failed.csv'
        Set-Content -Path $evil -Value @('Company,Contact,Email', '=HYPERLINK("http://x"),@me,not-an-email')
        Import-CloseLead -Path $evil -ApiKey $key -BaseUri $server.BaseUri -FailedPath $failed -ErrorAction SilentlyContinue 6>$null | Out-Null
        (Get-Content $failed)[1] | Should -BeLike """'=HYPERLINK(*"
        $back = Import-Csv $failed
        $back.Contact | Should -Be "'@me"
        $row = Import-CloseLead -Path $failed -ApiKey $key -BaseUri $server.BaseUri -WhatIf -ErrorAction SilentlyContinue 6>$null
        $row.Reason | Should -BeLike "*Email 'not-an-email'*"
    }

    It 'says what it would do under -WhatIf' {
        $out = Import-CloseLead -Path $messy -ApiKey $key -BaseUri $server.BaseUri -WhatIf -ErrorAction SilentlyContinue 6>$null
        @($out).Status | Should -Be @('Invalid')
    }

    It 'shows whole values in the table view at 120 columns' {
        $rows = @(Import-CloseLead -Path $messy -ApiKey $key -BaseUri $server.BaseUri -SkipExisting -ErrorAction SilentlyContinue 6>$null)
        $table = Show-Table $rows
        $table | Should -Not -Match $ellipsis
        $table | Should -Match 'lead_\w{43}'
        (Join-Wrapped $table) | Should -Match ([regex]::Escape("Founded '2020-02-30'"))
        ($table -split '\r?\n' | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }
}
