BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
    # The kazoo scenario's account (tests/SupportTools.TestServer/Kazoo/KazooMockOptions.cs): the shapes of 2600hz/kazoo 4.3.
    $apiKeyText = 'f7b2c9e0a8d14c3b9a6e5d4c3b2a1908f7e6d5c4b3a291807f6e5d4c3b2a1908'
    $apiKey = ConvertTo-SecureString $apiKeyText -AsPlainText -Force
    $user = [pscredential]::new('admin', (ConvertTo-SecureString 'S3cret-pa55' -AsPlainText -Force))
    $from = [datetimeoffset] '2026-01-01T00:00:00Z'
    $to = [datetimeoffset] '2026-03-02T00:00:00Z'
}

Describe 'Get-KazooCdr' {
    Context 'parameters' {
        It 'asks for the crossbar address with credentials' {
            { Get-KazooCdr -ApiKey $apiKey -From $from -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Calls.GetKazooCdrCommand'
        }

        It 'without credentials or a connection says to run Connect-Kazoo (in a session that has none)' {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript('param($module) Import-Module $module; try { Get-KazooCdr -From 2026-01-01 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }').AddArgument((Join-Path $stagedModule 'SupportTools.psd1'))
                $id, $message = $ps.Invoke()
                $id | Should -Be 'InvalidArgument,SupportTools.Commands.Calls.GetKazooCdrCommand'
                $message | Should -Match 'Connect-Kazoo'
            }
            finally { $ps.Dispose() }
        }

        It 'refuses -To before -From, and page sizes outside 1 to 1000' {
            { Get-KazooCdr -BaseUri http://127.0.0.1:9 -ApiKey $apiKey -From $to -To $from -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Calls.GetKazooCdrCommand'
            { Get-KazooCdr -BaseUri http://127.0.0.1:9 -ApiKey $apiKey -From $from -PageSize 1001 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SupportTools.Commands.Calls.GetKazooCdrCommand'
        }

        It 'takes an API key or a user, not both' {
            { Get-KazooCdr -BaseUri http://127.0.0.1:9 -ApiKey $apiKey -Credential $user -From $from } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,SupportTools.Commands.Calls.GetKazooCdrCommand'
        }
    }

    Context 'against the kazoo scenario' {
        BeforeAll {
            $server = Start-TestServer -Scenario kazoo -Argument @{ cdrs = 150; seed = 4; 'token-uses' = 3 }
            $verbose = Join-Path $TestDrive 'verbose.txt'
            $records = @(Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $apiKey -From $from -To $to -PageSize 20 -Verbose 4> $verbose)
        }
        AfterAll { $server.Stop() }

        It 'pulls every CDR of 60 days once, across the 31-day limit and expiring tokens' {
            $records.Count | Should -Be 150
            @($records.CallId | Select-Object -Unique).Count | Should -Be 150
            $records[0] | Should -BeOfType 'SupportTools.Calls.CallRecord'
            $records.CallDirection | Sort-Object -Unique | Should -Be @('inbound', 'outbound')
            @($records | Where-Object { $_.CallTime -lt $from -or $_.CallTime -ge $to }).Count | Should -Be 0
            $lines = Get-Content $verbose
            @($lines -match 'PUT /v2/api_auth: 201').Count | Should -BeGreaterThan 2
            @($lines -match 'created_from=\d+&created_to=\d+&page_size=20: 200').Count | Should -Be 2
            $lines | Should -Contain 'Kazoo: the auth token was refused (HTTP 401: expired or revoked); authenticating again and repeating the request once.'
        }

        It 'never writes the key or a token to -Verbose' {
            $text = Get-Content $verbose -Raw
            $text | Should -Not -Match $apiKeyText
            $text | Should -Not -Match 'X-Auth-Token'
            $text | Should -Match 'start_key=\*\*\*'
        }

        It 'round-trips through Export-Csv with ISO times and the CDR fields as columns' {
            $csv = Join-Path $TestDrive 'cdrs.csv'
            $records | Export-Csv $csv
            $rows = Import-Csv $csv
            $rows.Count | Should -Be 150
            $rows[0].PSObject.Properties.Name | Should -Contain 'CallDirection'
            ($rows | Measure-Object DurationSeconds -Sum).Sum | Should -Be ($records | Measure-Object DurationSeconds -Sum).Sum
        }

        It 'streams into Import-CallRecord: every leg stored once, linked into calls, and a second pull adds nothing' {
            $db = Join-Path $TestDrive 'kazoo.db'
            $first = Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $apiKey -From $from -To $to | Import-CallRecord -Database $db
            $again = Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $apiKey -From $from -To $to -PageSize 50 | Import-CallRecord -Database $db

            ($first.Records, $first.Inserted, $first.Duplicates) | Should -Be @(150, 150, 0)
            ($again.Records, $again.Inserted, $again.Duplicates) | Should -Be @(150, 0, 150)
            @(Get-CallRecord -Database $db -Leg).Count | Should -Be 150
            # The mock's calls are an inbound A-leg each, with an outbound B-leg when one was rung: one call per A-leg.
            $calls = @(Get-CallRecord -Database $db)
            $calls.Count | Should -Be @($records | Where-Object CallDirection -eq inbound).Count
            $calls.CallDirection | Sort-Object -Unique | Should -Be 'inbound'
        }

        It 'pulls as a user of the account (user_auth) the same records' {
            $asUser = @(Get-KazooCdr -BaseUri $server.BaseUri -Credential $user -AccountName acme -From $from -To $to -PageSize 100)
            ($asUser.CallId | Sort-Object) -join ',' | Should -Be (($records.CallId | Sort-Object) -join ',')
        }

        It 'stops on refused credentials with HttpAuthenticationFailed, naming api_auth and not the key' {
            $error.Clear()
            $bad = ConvertTo-SecureString 'not-the-key-9f8e7d' -AsPlainText -Force
            { Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $bad -From $from -To $to } | Should -Throw -ErrorId 'HttpAuthenticationFailed,SupportTools.Commands.Calls.GetKazooCdrCommand'
            $error[0].Exception.Message | Should -Match '/v2/api_auth'
            $error[0].Exception.Message | Should -Match 'invalid credentials'
            $error[0].Exception.Message | Should -Not -Match 'not-the-key-9f8e7d'
            $error[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        }

        It 'refuses another account''s CDRs as HttpPermissionDenied' {
            { Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $apiKey -AccountId 0123456789abcdef0123456789abcdef -From $from -To $to } |
                Should -Throw -ErrorId 'HttpPermissionDenied,SupportTools.Commands.Calls.GetKazooCdrCommand'
        }
    }

    Context 'crossbar limits and bad answers' {
        It 'splits finer, with a warning, when crossbar states a shorter maximum range' {
            $server = Start-TestServer -Scenario kazoo -Argument @{ cdrs = 60; 'max-range' = 864000 }
            try {
                $records = @(Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $apiKey -From $from -To $to -WarningVariable warned -WarningAction SilentlyContinue)
                $records.Count | Should -Be 60
                $warned | Should -Match 'at most 864000 s per request'
            }
            finally { $server.Stop() }
        }

        It 'says clearly when crossbar refuses the range outright (HttpRequestRejected with its words)' {
            $server = Start-TestServer -Scenario kazoo -Argument @{ 'max-range' = 0 }
            try {
                $error.Clear()
                { Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $apiKey -From $from -To $to } | Should -Throw -ErrorId 'HttpRequestRejected,SupportTools.Commands.Calls.GetKazooCdrCommand'
                $error[0].Exception.Message | Should -Match 'refused the time range 2026-01-01 00:00:00Z to 2026-02-01 00:00:00Z'
                $error[0].Exception.Message | Should -Match 'created_to \d+ is more than 0 seconds from created_from \d+'
            }
            finally { $server.Stop() }
        }

        It 'reports a row that is not a readable CDR as a non-terminating error and writes the others' {
            $server = Start-TestServer -Scenario kazoo -Argument @{ cdrs = 60; 'bad-row' = 7 }
            try {
                $records = @(Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $apiKey -From $from -To $to -PageSize 10 -ErrorVariable problems -ErrorAction SilentlyContinue)
                $records.Count | Should -Be 59
                $problems.Count | Should -Be 1
                $problems[0].FullyQualifiedErrorId | Should -Be 'HttpInvalidResponse,SupportTools.Commands.Calls.GetKazooCdrCommand'
                $problems[0].Exception.Message | Should -Match '^CDR \d+ of page \d+ of GET /v2/accounts/\w+/cdrs\?.* cannot be read: duration_seconds'
                $problems[0].TargetObject | Should -Match '"duration_seconds":"n/a"'
            }
            finally { $server.Stop() }
        }

        It 'stops on a page that is not crossbar''s listing, after writing the records before it' {
            $server = Start-TestServer -Scenario kazoo -Argument @{ cdrs = 60; 'bad-page' = 2 }
            try {
                $got = [System.Collections.Generic.List[object]]::new()
                { Get-KazooCdr -BaseUri $server.BaseUri -ApiKey $apiKey -From $from -To $to -PageSize 10 | ForEach-Object { $got.Add($_) } } |
                    Should -Throw -ErrorId 'HttpInvalidResponse,SupportTools.Commands.Calls.GetKazooCdrCommand'
                $got.Count | Should -Be 10
            }
            finally { $server.Stop() }
        }
    }
}
