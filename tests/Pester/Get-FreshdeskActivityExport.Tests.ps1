BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
    # The freshdesk scenario's default key (tests/SupportTools.TestServer/Freshdesk/FreshdeskMock.cs).
    $mockKey = 'FRESHDESK-MOCK-KEY-7d2c'
    $key = ConvertTo-SecureString $mockKey -AsPlainText -Force
    $utcToday = [datetime]::UtcNow.Date
    $day1, $day2, $day3 = 1..3 | ForEach-Object { $utcToday.AddDays(-$_).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) }
    $command = 'SupportTools.Commands.Tickets.GetFreshdeskActivityExportCommand'
}

Describe 'Get-FreshdeskActivityExport' {
    Context 'parameters' {
        BeforeAll { $out = Join-Path $TestDrive 'exports' }

        It 'says to connect when there is neither a connection nor a key' {
            { Get-FreshdeskActivityExport $day1 $out -ErrorAction Stop } | Should -Throw -ErrorId "InvalidArgument,$command" -ExpectedMessage '*Connect-Freshdesk*'
        }

        It 'takes -Domain with -ApiKey or -Credential, or -Connection, or the session''s connection' {
            (Get-Command Get-FreshdeskActivityExport).ParameterSets.Name | Sort-Object | Should -Be @('ApiKey', 'Connection', 'Credential', 'Session')
            { Get-FreshdeskActivityExport $day1 $out -Domain acme.freshdesk.com -ApiKey $key -Credential ([pscredential]::new('acme', $key)) } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,*'
            { Get-FreshdeskActivityExport $day1 $out -Domain acme.freshdesk.com -ApiKey $key -Connection (Connect-Freshdesk acme -ApiKey $key -PassThru) } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,*'
        }

        It 'refuses a day older than 30 days before any request' {
            # Nothing listens on the port: a request would end in HttpServiceUnavailable, not InvalidArgument.
            $bound = [System.Net.Sockets.Socket]::new('InterNetwork', 'Stream', 'Tcp')
            try {
                $bound.Bind([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
                $old = $utcToday.AddDays(-40).ToString('yyyy-MM-dd')
                { Get-FreshdeskActivityExport $day1, $old $out -Domain acme.freshdesk.com -ApiKey $key -BaseUri "http://127.0.0.1:$($bound.LocalEndPoint.Port)" } |
                    Should -Throw -ErrorId "InvalidArgument,$command" -ExpectedMessage "*keeps ticket-activity exports for 30 days*$old*"
            }
            finally { $bound.Dispose() }
            Test-Path $out | Should -BeFalse
        }

        It 'wants a file-system folder for -OutputFolder' {
            $file = Join-Path $TestDrive 'a-file.txt'
            Set-Content -LiteralPath $file -Value 'x'
            { Get-FreshdeskActivityExport $day1 $file -Domain acme.freshdesk.com -ApiKey $key } | Should -Throw -ErrorId "InvalidArgument,$command"
            { Get-FreshdeskActivityExport $day1 'variable:exports' -Domain acme.freshdesk.com -ApiKey $key } | Should -Throw -ErrorId "NotAFileSystemPath,$command"
        }

        It 'refuses a -Domain that is not a host name' {
            { Get-FreshdeskActivityExport $day1 $out -Domain 'https://acme.freshdesk.com/' -ApiKey $key } | Should -Throw -ErrorId "InvalidArgument,$command"
        }
    }

    Context 'against the freshdesk scenario' {
        BeforeAll {
            $server = Start-TestServer -Scenario freshdesk -Argument @{ 'files-per-day' = 2; 'missing-dates' = $day2; 'api-limit' = '2/1s'; seed = 3 }
            $out = Join-Path $TestDrive 'exports'
            $db = Join-Path $TestDrive 'support.db'
            $pull = @{ OutputFolder = $out; Domain = 'acme.freshdesk.com'; ApiKey = $key; BaseUri = $server.BaseUri }
            $files = @(Get-FreshdeskActivityExport -Date $day1, $day2, $day3 @pull -WarningVariable warnings -WarningAction SilentlyContinue)
        }
        AfterAll { $server.Stop() }

        It 'takes the key as a credential''s password too' {
            $viaCredential = @(Get-FreshdeskActivityExport -Date $day1 -OutputFolder (Join-Path $TestDrive 'credential') -Domain acme.freshdesk.com -Credential ([pscredential]::new('ignored', $key)) -BaseUri $server.BaseUri)
            $viaCredential.Name | Should -Be @("ticket_activities_${day1}_1.json", "ticket_activities_${day1}_2.json")
        }

        It 'writes each day''s files, named by date, through the per-minute limit' {
            $files.Name | Should -Be @("ticket_activities_${day1}_1.json", "ticket_activities_${day1}_2.json", "ticket_activities_${day3}_1.json", "ticket_activities_${day3}_2.json")
            $files | Should -BeOfType ([System.IO.FileInfo])
            @(Get-ChildItem $out -Force).Count | Should -Be 4   # no .partial file left beside them
        }

        It 'warns about a day without an export and goes on' {
            $warnings | Should -HaveCount 1
            "$warnings" | Should -BeLike "*no ticket-activity export for $day2 (404)*"
        }

        It 'writes files in the export format, which pipe into Import-TicketActivity and Get-Content' {
            $summaries = @(Get-FreshdeskActivityExport -Date $day1, $day3 @pull -WarningAction SilentlyContinue | Import-TicketActivity -Database $db)
            $summaries.Count | Should -Be 4
            foreach ($summary in $summaries) { $summary.Inserted | Should -Be $summary.Activities }
            $export = $files[0] | Get-Content -Raw | ConvertFrom-Json
            $export.metadata.activities_count | Should -Be $export.activities_data.Count
            $export.metadata.start_at | Should -Match '^\d\d-\d\d-\d{4} 10:00:00 \+0000$'
            @($export.activities_data | Where-Object performer_type -eq 'system')[0].PSObject.Properties.Name | Should -Not -Contain 'performer_id'
            @(Get-TicketDuration -Database $db).Count | Should -BeGreaterThan 10
        }

        It 'keeps files already there (and passes them on), -WhatIf changes nothing, -Force replaces them' {
            $first = Join-Path $out "ticket_activities_${day1}_1.json"
            $original = [IO.File]::ReadAllBytes($first)
            Set-Content -LiteralPath $first -Value '{}'

            $kept = @(Get-FreshdeskActivityExport -Date $day1 @pull -Verbose 4>&1)
            @($kept | Where-Object { $_ -is [System.IO.FileInfo] }).Count | Should -Be 2
            "$($kept | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })" | Should -BeLike '*is there already: kept (-Force downloads it again)*'
            (Get-Content -LiteralPath $first -Raw).Trim() | Should -Be '{}'

            @(Get-FreshdeskActivityExport -Date $day1 @pull -Force -WhatIf).Count | Should -Be 0
            (Get-Content -LiteralPath $first -Raw).Trim() | Should -Be '{}'

            Get-FreshdeskActivityExport -Date $day1 @pull -Force | Out-Null
            [IO.File]::ReadAllBytes($first) | Should -Be $original
        }

        It 'fetches the files without the key: the file host refuses a request that carries it' {
            $basic = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${mockKey}:X"))
            $listing = Invoke-RestMethod -Uri "$($server.BaseUri)api/v2/export/ticket_activities?created_at=$day1" -Headers @{ Authorization = $basic }
            $link = $listing.export[0].url
            $refused = Invoke-WebRequest -Uri $link -Headers @{ Authorization = $basic } -SkipHttpErrorCheck
            $refused.StatusCode | Should -Be 400
            "$($refused.Content)" | Should -BeLike '*Only one auth mechanism allowed*'
            (Invoke-WebRequest -Uri $link).StatusCode | Should -Be 200
        }

        It 'never shows the key in any stream' {
            $all = Get-FreshdeskActivityExport -Date $day1, $day2 @pull -Force -Verbose *>&1 | Out-String
            $all | Should -Not -BeLike "*$mockKey*"
            $all | Should -BeLike '*X-Amz-Signature=`*`*`**'
        }
    }

    Context 'errors' {
        It 'stops at once with HttpAuthenticationFailed for a refused key, in Freshdesk''s words' {
            $server = Start-TestServer -Scenario freshdesk
            try {
                $wrong = ConvertTo-SecureString 'not-the-key' -AsPlainText -Force
                { Get-FreshdeskActivityExport $day1 (Join-Path $TestDrive 'x') -Domain acme.freshdesk.com -ApiKey $wrong -BaseUri $server.BaseUri -ErrorAction Stop } |
                    Should -Throw -ErrorId "HttpAuthenticationFailed,$command" -ExpectedMessage '*You have to be logged in*'
            }
            finally { $server.Stop() }
        }

        It 'says when the account lacks the Activity Export (deprecated for new accounts)' {
            $server = Start-TestServer -Scenario freshdesk -Argument @{ 'feature-disabled' = 'true' }
            try {
                { Get-FreshdeskActivityExport $day1 (Join-Path $TestDrive 'x') -Domain acme.freshdesk.com -ApiKey $key -BaseUri $server.BaseUri -ErrorAction Stop } |
                    Should -Throw -ErrorId "HttpPermissionDenied,$command" -ExpectedMessage '*Activity Export feature*'
            }
            finally { $server.Stop() }
        }

        It 'fails one file whose link expired and goes on with the next day' {
            $server = Start-TestServer -Scenario freshdesk -Argument @{ 'legacy-shape' = 'true'; 'link-lifetime' = '0s' }
            try {
                $target = Join-Path $TestDrive 'expired'
                $got = @(Get-FreshdeskActivityExport $day1, $day3 $target -Domain acme.freshdesk.com -ApiKey $key -BaseUri $server.BaseUri -ErrorVariable failed -ErrorAction SilentlyContinue)
                $got.Count | Should -Be 0
                $failed.Count | Should -Be 2
                $failed[0].FullyQualifiedErrorId | Should -Be "HttpPermissionDenied,$command"
                $failed[0].TargetObject | Should -Be (Join-Path $target "ticket_activities_$day1.json")
                @(Get-ChildItem $target -Force -ErrorAction SilentlyContinue).Count | Should -Be 0
            }
            finally { $server.Stop() }
        }
    }
}
