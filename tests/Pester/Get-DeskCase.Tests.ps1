BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
    $cred = [pscredential]::new('agent@example.com', (ConvertTo-SecureString 'S3cret-pa55' -AsPlainText -Force))
}

Describe 'Get-DeskCase' {
    Context 'parameters' {
        It 'asks for the site instead of defaulting to one' {
            { Get-DeskCase -Credential $cred -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }

        It 'refuses a -BaseUri with a path' {
            { Get-DeskCase -BaseUri 'https://yoursite.desk.com/api/v2/cases' -Credential $cred -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }

        It 'takes 1 to 100 cases per page and the statuses Desk has' {
            { Get-DeskCase -BaseUri http://127.0.0.1:9 -Credential $cred -PerPage 101 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SupportTools.Commands.Desk.GetDeskCaseCommand'
            { Get-DeskCase -BaseUri http://127.0.0.1:9 -Credential $cred -Status 'solved' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }

        It 'says in seconds that nothing answers at the address, pointing at -BaseUri' {
            # A port bound but not listening: connections are refused, and no server can take it meanwhile.
            $bound = [System.Net.Sockets.Socket]::new('InterNetwork', 'Stream', 'Tcp')
            try {
                $bound.Bind([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
                $error.Clear()
                { Get-DeskCase -BaseUri "http://127.0.0.1:$($bound.LocalEndPoint.Port)" -Credential $cred } | Should -Throw -ErrorId 'HttpServiceUnavailable,SupportTools.Commands.Desk.GetDeskCaseCommand'
                $error[0].Exception.Message | Should -Match '3 attempts\): could not connect'
                $error[0].ErrorDetails.RecommendedAction | Should -Match '-BaseUri'
            }
            finally { $bound.Dispose() }
        }

        It 'takes either basic or OAuth credentials, not both' {
            { Get-DeskCase -BaseUri http://127.0.0.1:9 -Credential $cred -OAuthConsumer $cred -OAuthToken $cred } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }
    }

    Context 'against the desk scenario' {
        BeforeAll {
            $server = Start-TestServer -Scenario desk -Argument @{ cases = 500; seed = 5; user = 'agent@example.com'; password = 'S3cret-pa55' }
            $cases = @(Get-DeskCase -BaseUri $server.BaseUri -Credential $cred)
        }
        AfterAll { $server.Stop() }

        It 'pulls every case once, in order' {
            $cases.Count | Should -Be 500
            $cases[0].Id | Should -Be 1
            $cases[-1].Id | Should -Be 500
            @($cases.Id | Select-Object -Unique).Count | Should -Be 500
            $cases[0] | Should -BeOfType 'SupportTools.Desk.DeskCase'
        }

        It 'does the classic analysis: e-mail cases per agent, described per agent, top customers' {
            $email = @($cases | Where-Object Type -eq email)
            $perUser = @($email | Group-Object AssignedUserUri)
            $stats = @($email | Measure-DeskCase -By AssignedUserUri)
            $top = @($cases | Group-Object CustomerUri -NoElement | Sort-Object Count -Descending | Select-Object -First 5)

            $email.Count | Should -BeGreaterThan 200
            ($perUser | Measure-Object Count -Sum).Sum | Should -Be $email.Count
            $perUser.Name | Should -Contain ''   # unassigned e-mail cases
            $stats.Count | Should -Be ($perUser.Count * 4)
            foreach ($group in $perUser) {
                $key = if ($group.Name) { $group.Name } else { $null }
                $replies = $stats | Where-Object { $_.Group -eq $key -and $_.Property -eq 'Replies' }
                $replies.Count | Should -Be $group.Count
                $replies.Sum | Should -Be ($group.Group | Measure-Object Replies -Sum).Sum
            }
            $top[0].Count | Should -BeGreaterOrEqual $top[1].Count
            $top[0].Count | Should -BeGreaterThan 5
            $top[0].Name | Should -Match '^/api/v2/customers/\d+$'
        }

        It 'round-trips through Export-Csv and measures the CSV the same' {
            $csv = Join-Path $TestDrive 'cases.csv'
            $cases | Export-Csv $csv
            $back = @(Import-Csv $csv)

            $back.Count | Should -Be 500
            Get-PropertyDifference -Actual $back -Expected $cases -Key Id -Property Id, Type, Status, Priority, Subject, Labels, AssignedUserUri, CustomerUri, Replies, Notes, Attachments -Expect { param($v) "$v" } |
                Should -BeNullOrEmpty
            [datetimeoffset] $back[7].CreatedAt | Should -Be $cases[7].CreatedAt
            $fromCsv = @($back | Measure-DeskCase -By Type)
            $direct = @($cases | Measure-DeskCase -By Type)
            Get-PropertyDifference -Actual $fromCsv -Expected $direct -Property Group, Property, Count, Missing, Sum, Mean, StandardDeviation, Min, Q25, Median, Q75, Max |
                Should -BeNullOrEmpty
        }

        It 'adds custom fields as Custom_ columns only when asked' {
            $plain = Get-DeskCase -BaseUri $server.BaseUri -Credential $cred -PerPage 10 | Select-Object -First 10
            $custom = Get-DeskCase -BaseUri $server.BaseUri -Credential $cred -PerPage 10 -IncludeCustomField | Select-Object -First 10
            $csv = Join-Path $TestDrive 'custom.csv'
            $custom | Export-Csv $csv

            $plain[0].PSObject.Properties.Name | Should -Not -Contain 'Custom_tier'
            (Import-Csv $csv)[0].PSObject.Properties.Name | Should -Contain 'Custom_tier'
            (Import-Csv $csv)[0].PSObject.Properties.Name | Should -Contain 'Custom_seats'
        }

        It 'filters by status and time through the case search' {
            $since = [datetimeoffset] '2024-10-01T00:00:00Z'
            $open = @(Get-DeskCase -BaseUri $server.BaseUri -Credential $cred -Status open, pending -Since $since)

            $expected = @($cases | Where-Object { $_.Status -in 'open', 'pending' -and $_.UpdatedAt -ge $since })
            $open.Id | Should -Be $expected.Id
            $open.Count | Should -BeGreaterThan 0
        }

        It 'shows whole values in a 120-column table, and times in the list view' {
            $table = Show-Table ($cases | Select-Object -First 30)
            $list = Show-List $cases[0]

            $table | Should -Not -BeLike "*$ellipsis*"
            ($table -split '\r?\n' | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
            $table | Should -Match ([regex]::Escape((Format-ViewTime $cases[0].CreatedAt)))
            $table | Should -Match ([regex]::Escape($cases[0].Subject))
            Join-Wrapped $list | Should -Match ([regex]::Escape($cases[0].SelfUri))
            $list | Should -Match ([regex]::Escape((Format-ViewTime $cases[0].UpdatedAt)))
        }

        It 'stops with HttpAuthenticationFailed on a wrong password' {
            $wrong = [pscredential]::new('agent@example.com', (ConvertTo-SecureString 'nope' -AsPlainText -Force))
            { Get-DeskCase -BaseUri $server.BaseUri -Credential $wrong -ErrorAction Stop } | Should -Throw -ErrorId 'HttpAuthenticationFailed,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }
    }

    Context 'a hostile server' {
        It 'stops with DeskPagingLoop when next only changes a nonce while the cases repeat, after each case once' {
            $loop = Start-TestServer -Scenario desk -Argument @{ cases = 300; seed = 5; user = 'agent@example.com'; password = 'S3cret-pa55'; 'nonce-loop-on' = 2 }
            $pulled = [System.Collections.Generic.List[object]]::new()
            $failed = $null
            try { Get-DeskCase -BaseUri $loop.BaseUri -Credential $cred -PerPage 100 | ForEach-Object { $pulled.Add($_) } }
            catch { $failed = $_ }
            finally { $loop.Stop() }

            $pulled.Id | Should -Be (1..200)
            $failed.FullyQualifiedErrorId | Should -BeLike 'DeskPagingLoop,*'
            $failed.Exception.Message | Should -Match 'nonce=1.*same as those of page 2'
        }

        It 'groups a custom check box the API sent as false on one page and "0" on another into True, False and none' {
            $eras = Start-TestServer -Scenario desk -Argument @{ cases = 200; seed = 5; user = 'agent@example.com'; password = 'S3cret-pa55'; 'mixed-eras' = 'true' }
            try {
                $custom = @(Get-DeskCase -BaseUri $eras.BaseUri -Credential $cred -PerPage 25 -IncludeCustomField)
            }
            finally { $eras.Stop() }
            $csv = Join-Path $TestDrive 'eras.csv'
            $custom | Export-Csv $csv

            $custom.Count | Should -Be 200
            @($custom | Group-Object Custom_follow_up).Name | Sort-Object | Should -Be @('', 'False', 'True')
            @(Import-Csv $csv | Group-Object Custom_follow_up).Name | Sort-Object | Should -Be @('', 'False', 'True')
            @($custom | Where-Object { $null -ne $_.Custom_seats } | ForEach-Object { $_.Custom_seats.GetType().Name } | Select-Object -Unique) | Should -Be 'Int64'
        }
    }

    Context 'a flaky server and OAuth' {
        It 'pulls the same cases through random 500/503 answers' {
            $flaky = Start-TestServer -Scenario desk -Argument @{ cases = 200; seed = 5; user = 'agent@example.com'; password = 'S3cret-pa55'; 'fault-rate' = 0.3; 'fault-kinds' = '500,503' }
            try {
                $pulled = @(Get-DeskCase -BaseUri $flaky.BaseUri -Credential $cred -PerPage 50 -Verbose 4>&1)
            }
            finally { $flaky.Stop() }

            $verbose = @($pulled | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            @($pulled | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Id | Should -Be (1..200)
            @($verbose | Where-Object Message -Match ': 50[03] ').Count | Should -BeGreaterThan 0
        }

        It 'signs with OAuth 1.0a and the server checks the signature' {
            $oauth = Start-TestServer -Scenario desk -Argument @{ cases = 30; 'consumer-key' = 'ck'; 'consumer-secret' = 'cs'; token = 'tk'; 'token-secret' = 'ts' }
            try {
                $consumer = [pscredential]::new('ck', (ConvertTo-SecureString 'cs' -AsPlainText -Force))
                $token = [pscredential]::new('tk', (ConvertTo-SecureString 'ts' -AsPlainText -Force))
                $badToken = [pscredential]::new('tk', (ConvertTo-SecureString 'other' -AsPlainText -Force))

                @(Get-DeskCase -BaseUri $oauth.BaseUri -OAuthConsumer $consumer -OAuthToken $token -PerPage 7).Count | Should -Be 30
                { Get-DeskCase -BaseUri $oauth.BaseUri -OAuthConsumer $consumer -OAuthToken $badToken -ErrorAction Stop } |
                    Should -Throw -ErrorId 'HttpAuthenticationFailed,SupportTools.Commands.Desk.GetDeskCaseCommand'
            }
            finally { $oauth.Stop() }
        }
    }
}
